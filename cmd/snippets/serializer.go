package main

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

// maxTitle is the longest title, in characters (DRF's max_length).
const maxTitle = 100

// languages are the choices of the language field, in the order the HTML
// form lists them; defaultLanguage is the field's default.
var languages = []string{"go", "javascript", "python", "rust", "sql", "text"}

const defaultLanguage = "text"

// Messages of DRF's CharField and ChoiceField, and of Serializer for a body
// that is not an object.
const (
	msgRequired  = "This field is required."
	msgBlank     = "This field may not be blank."
	msgNull      = "This field may not be null."
	msgNotString = "Not a valid string."
	msgNoData    = "No data provided"
)

// snippetInput is what a request body says about a snippet: the
// writable fields (title, code, language) that it sets.
type snippetInput struct {
	title, code, language *string
}

// apply writes the fields the input sets into sn.
func (in snippetInput) apply(sn *Snippet) {
	if in.title != nil {
		sn.Title = *in.title
	}
	if in.code != nil {
		sn.Code = *in.code
	}
	if in.language != nil {
		sn.Language = *in.language
	}
}

// validateSnippet is the demo's SnippetSerializer(data=..., partial=...)
// .is_valid(): it reads the parsed body (a JSON object, a urlencoded form
// or a multipart form) and checks it field by field with DRF's messages:
// title is a required string of at most 100 characters, code a required
// string, language one of languages (default "text"). With partial (PATCH)
// absent fields are not required. Strings are trimmed, as DRF's CharField
// does. The errors are a field map in field order, DRF's serializer.errors,
// for rest.ValidationError; nil when the input is valid.
func validateSnippet(data any, partial bool) (snippetInput, web.JSONObject) {
	var get func(name string) (value string, present bool, problem string)
	switch d := data.(type) {
	case map[string]any: // JSON
		get = func(name string) (string, bool, string) {
			v, ok := d[name]
			if !ok {
				return "", false, ""
			}
			switch v := v.(type) {
			case string:
				return v, true, ""
			case float64: // DRF's CharField takes numbers as their str()
				return strconv.FormatFloat(v, 'f', -1, 64), true, ""
			case nil:
				return "", true, msgNull
			}
			return "", true, msgNotString
		}
	case web.QueryDict: // application/x-www-form-urlencoded
		get = formGetter(d)
	case parse.Data: // multipart/form-data
		get = formGetter(d.Fields)
	case nil:
		return snippetInput{}, nonFieldError(msgNoData)
	default:
		return snippetInput{}, nonFieldError("Invalid data. Expected a dictionary, but got " + pythonType(d) + ".")
	}

	var in snippetInput
	var errs web.JSONObject
	field := func(name string, required bool, check func(string) string) *string {
		v, present, problem := get(name)
		switch {
		case !present:
			if required && !partial {
				problem = msgRequired
			}
		case problem == "":
			v = strings.TrimSpace(v)
			problem = check(v)
		}
		if problem != "" {
			errs = append(errs, web.JSONMember{Key: name, Value: []string{problem}})
			return nil
		}
		if !present {
			return nil
		}
		return &v
	}
	in.title = field("title", true, func(v string) string {
		if v == "" {
			return msgBlank
		}
		if utf8.RuneCountInString(v) > maxTitle {
			return "Ensure this field has no more than " + strconv.Itoa(maxTitle) + " characters."
		}
		return ""
	})
	in.code = field("code", true, func(v string) string {
		if v == "" {
			return msgBlank
		}
		return ""
	})
	in.language = field("language", false, func(v string) string {
		for _, l := range languages {
			if v == l {
				return ""
			}
		}
		return `"` + v + `" is not a valid choice.`
	})
	if errs != nil {
		return snippetInput{}, errs
	}
	if !partial && in.language == nil {
		lang := defaultLanguage
		in.language = &lang
	}
	return in, nil
}

// formGetter reads fields of a form: the last value of each, as Django's
// QueryDict.get.
func formGetter(q web.QueryDict) func(string) (string, bool, string) {
	return func(name string) (string, bool, string) {
		v, ok := q.Get(name)
		return v, ok, ""
	}
}

// nonFieldError is DRF's {"non_field_errors": [message]}.
func nonFieldError(message string) web.JSONObject {
	return web.JSONObject{{Key: "non_field_errors", Value: []string{message}}}
}

// pythonType names a parsed JSON value the way DRF's message does
// (Python's type(data).__name__).
func pythonType(v any) string {
	switch v := v.(type) {
	case []any:
		return "list"
	case string:
		return "str"
	case bool:
		return "bool"
	case float64:
		if v == math.Trunc(v) {
			return "int"
		}
		return "float"
	}
	return "object"
}

// errorLines flattens a field map into "field: message" lines for the HTML
// form.
func errorLines(errs web.JSONObject) []string {
	var lines []string
	for _, m := range errs {
		msgs, _ := m.Value.([]string)
		for _, msg := range msgs {
			lines = append(lines, m.Key+": "+msg)
		}
	}
	return lines
}
