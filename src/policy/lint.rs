pub(crate) fn lint(_p: &super::Policy) -> Vec<crate::diag::Diagnostic> {
    Vec::new()
}
