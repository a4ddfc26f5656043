//! The `Calendar` class: the working-day calendar's methods, arguments read and checked here.

use wasm_bindgen::prelude::*;

use intake_rules::api;
use intake_rules::calendar::Calendar;

use crate::args::{calendar_arg, from_json_text, number_arg, string_arg, to_json_text};
use crate::errors::{throw, Kind};

/// The working-day calendar.
#[wasm_bindgen(js_name = Calendar)]
pub struct JsCalendar {
    pub(crate) inner: Calendar,
}

#[wasm_bindgen(js_class = Calendar)]
impl JsCalendar {
    /// A built-in calendar (`cn-mainland`), optionally estimating beyond its coverage.
    pub fn builtin(
        #[wasm_bindgen(unchecked_optional_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: JsValue,
    ) -> Result<JsCalendar, JsValue> {
        let id = if id.is_undefined() || id.is_null() {
            "cn-mainland".to_string()
        } else {
            string_arg(&id, "id", Kind::Calendar)?
        };
        let opts = if options.is_undefined() || options.is_null() {
            "null".to_string()
        } else {
            to_json_text(&options, &calendar_arg("options", ""))?
        };
        api::calendar_builtin(&id, &opts)
            .map(|inner| JsCalendar { inner })
            .map_err(throw)
    }

    #[wasm_bindgen(js_name = withOverrides)]
    pub fn with_overrides(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CalendarOverrides")] overrides: JsValue,
    ) -> Result<JsCalendar, JsValue> {
        let text = to_json_text(&overrides, &calendar_arg("overrides", ""))?;
        api::calendar_with_overrides(&self.inner, &text)
            .map(|inner| JsCalendar { inner })
            .map_err(throw)
    }

    #[wasm_bindgen(js_name = withYear)]
    pub fn with_year(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
        #[wasm_bindgen(unchecked_param_type = "YearArrangement")] data: JsValue,
    ) -> Result<JsCalendar, JsValue> {
        let year = number_arg(&year, "year")?;
        let text = to_json_text(&data, &calendar_arg("data", ""))?;
        api::calendar_with_year(&self.inner, year, &text)
            .map(|inner| JsCalendar { inner })
            .map_err(throw)
    }

    #[wasm_bindgen(unchecked_return_type = "Coverage")]
    pub fn coverage(&self) -> JsValue {
        let (from, to) = self.inner.coverage();
        from_json_text(&format!("{{\"from\":\"{from}\",\"to\":\"{to}\"}}"))
    }

    #[wasm_bindgen(js_name = isWorkingDay)]
    pub fn is_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    ) -> Result<bool, JsValue> {
        let d =
            api::arg_date(&string_arg(&date, "date", Kind::Calendar)?, "date").map_err(throw)?;
        self.inner.is_working_day(d).map_err(|e| throw(e.into()))
    }

    #[wasm_bindgen(js_name = addWorkingDays)]
    pub fn add_working_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<String, JsValue> {
        let d =
            api::arg_date(&string_arg(&date, "date", Kind::Calendar)?, "date").map_err(throw)?;
        let n = api::arg_count(number_arg(&n, "n")?, "n").map_err(throw)?;
        self.inner
            .add_working_days(d, n)
            .map(|d| d.to_string())
            .map_err(|e| throw(e.into()))
    }

    #[wasm_bindgen(js_name = workingDaysBetween)]
    pub fn working_days_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
    ) -> Result<f64, JsValue> {
        let f =
            api::arg_date(&string_arg(&from, "from", Kind::Calendar)?, "from").map_err(throw)?;
        let t = api::arg_date(&string_arg(&to, "to", Kind::Calendar)?, "to").map_err(throw)?;
        self.inner
            .working_days_between(f, t)
            .map(|n| n as f64)
            .map_err(|e| throw(e.into()))
    }

    #[wasm_bindgen(js_name = receivedOn)]
    pub fn received_on(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] submitted_at: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] cutoff: JsValue,
    ) -> Result<String, JsValue> {
        let s = string_arg(&submitted_at, "submitted_at", Kind::Calendar)?;
        let c = if cutoff.is_undefined() || cutoff.is_null() {
            None
        } else {
            Some(string_arg(&cutoff, "cutoff", Kind::Calendar)?)
        };
        api::calendar_received_on(&self.inner, &s, c.as_deref())
            .map(|d| d.to_string())
            .map_err(throw)
    }

    pub fn due(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Pause[]")] pauses: JsValue,
    ) -> Result<String, JsValue> {
        let f = string_arg(&from, "from", Kind::Calendar)?;
        let p = to_json_text(&period, &calendar_arg("period", "period"))?;
        let ps = if pauses.is_undefined() || pauses.is_null() {
            "null".to_string()
        } else {
            to_json_text(&pauses, &calendar_arg("pauses", "pauses"))?
        };
        api::calendar_due(&self.inner, &f, &p, &ps)
            .map(|d| d.to_string())
            .map_err(throw)
    }
}
