package parse_test

import (
	"strings"
	"testing"

	"github.com/restframe/restframe/parse"
)

// pythonJSONMessages holds the detail DRF 3.14 on Python 3.11 gives for
// each body sent as application/json ("" when it parses), recorded with
// rest_framework.request.Request and JSONParser.
var pythonJSONMessages = []struct {
	body string
	want string
}{
	{"{\"a\": ", "JSON parse error - Expecting value: line 1 column 7 (char 6)"},
	{"", ""},
	{" ", "JSON parse error - Expecting value: line 1 column 2 (char 1)"},
	{"  \n ", "JSON parse error - Expecting value: line 2 column 2 (char 4)"},
	{"{", "JSON parse error - Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
	{"[", "JSON parse error - Expecting value: line 1 column 2 (char 1)"},
	{"}", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"]", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"{\"a\":1,}", "JSON parse error - Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"},
	{"[1,]", "JSON parse error - Expecting value: line 1 column 4 (char 3)"},
	{"[1 2]", "JSON parse error - Expecting ',' delimiter: line 1 column 4 (char 3)"},
	{"[1,2", "JSON parse error - Expecting ',' delimiter: line 1 column 5 (char 4)"},
	{"{\"a\":1", "JSON parse error - Expecting ',' delimiter: line 1 column 7 (char 6)"},
	{"{\"a\" 1}", "JSON parse error - Expecting ':' delimiter: line 1 column 6 (char 5)"},
	{"{1:2}", "JSON parse error - Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
	{"{'a':1}", "JSON parse error - Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
	{"\"abc", "JSON parse error - Unterminated string starting at: line 1 column 1 (char 0)"},
	{"\"a\x01\"", "JSON parse error - Invalid control character at: line 1 column 3 (char 2)"},
	{"\"\t\"", "JSON parse error - Invalid control character at: line 1 column 2 (char 1)"},
	{"\"\\q\"", "JSON parse error - Invalid \\escape: line 1 column 2 (char 1)"},
	{"\"\\u12\"", "JSON parse error - Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
	{"\"\\uzzzz\"", "JSON parse error - Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
	{"\"\\ud800\\uzzzz\"", "JSON parse error - Invalid \\uXXXX escape: line 1 column 9 (char 8)"},
	{"\"\\ud800\\u12", "JSON parse error - Invalid \\uXXXX escape: line 1 column 9 (char 8)"},
	{"\"\\", "JSON parse error - Unterminated string starting at: line 1 column 1 (char 0)"},
	{"\"\\u", "JSON parse error - Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
	{"01", "JSON parse error - Extra data: line 1 column 2 (char 1)"},
	{"[01]", "JSON parse error - Expecting ',' delimiter: line 1 column 3 (char 2)"},
	{"1.", "JSON parse error - Extra data: line 1 column 2 (char 1)"},
	{"1e", "JSON parse error - Extra data: line 1 column 2 (char 1)"},
	{"1.5e-", "JSON parse error - Extra data: line 1 column 4 (char 3)"},
	{"-", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"--1", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{".5", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"+1", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"tru", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"nul", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"nan", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"NaN", "JSON parse error - Out of range float values are not JSON compliant: 'NaN'"},
	{"Infinity", "JSON parse error - Out of range float values are not JSON compliant: 'Infinity'"},
	{"-Infinity", "JSON parse error - Out of range float values are not JSON compliant: '-Infinity'"},
	{"[1, NaN]", "JSON parse error - Out of range float values are not JSON compliant: 'NaN'"},
	{"{\"x\": NaN}", "JSON parse error - Out of range float values are not JSON compliant: 'NaN'"},
	{"{\"x\": Infinity, \"y\": }", "JSON parse error - Out of range float values are not JSON compliant: 'Infinity'"},
	{"-Infinit", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"Infinityx", "JSON parse error - Out of range float values are not JSON compliant: 'Infinity'"},
	{"true false", "JSON parse error - Extra data: line 1 column 6 (char 5)"},
	{"{\"a\":1}  ,", "JSON parse error - Extra data: line 1 column 10 (char 9)"},
	{"\"\\u00e9\"x", "JSON parse error - Extra data: line 1 column 9 (char 8)"},
	{"\"\xc3\xa9\xc3\xa9\" x", "JSON parse error - Extra data: line 1 column 6 (char 5)"},
	{"[1,\n  2,\n  x]", "JSON parse error - Expecting value: line 3 column 3 (char 11)"},
	{"\r\n\r\n1 2", "JSON parse error - Extra data: line 3 column 3 (char 6)"},
	{"{\n\"a\": 1,\n\"b\": [1, 2,, 3]}", "JSON parse error - Expecting value: line 3 column 12 (char 21)"},
	{"{\"a\": {\"b\": {\"c\": [1, 2, {\"d\": tru}]}}}", "JSON parse error - Expecting value: line 1 column 32 (char 31)"},
	{"\xef\xbb\xbf{}", "JSON parse error - Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"},
	{"\xff", "JSON parse error - 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
	{"\"\xe2\x98\"", "JSON parse error - 'utf-8' codec can't decode bytes in position 1-2: invalid continuation byte"},
	{"\"\xe2(\xa1\"", "JSON parse error - 'utf-8' codec can't decode byte 0xe2 in position 1: invalid continuation byte"},
	{"\x80", "JSON parse error - 'utf-8' codec can't decode byte 0x80 in position 0: invalid start byte"},
	{"\"\xed\xa0\x80\"", "JSON parse error - 'utf-8' codec can't decode byte 0xed in position 1: invalid continuation byte"},
	{"\"\xf4\x90\x80\x80\"", "JSON parse error - 'utf-8' codec can't decode byte 0xf4 in position 1: invalid continuation byte"},
	{"\"\xc0\xaf\"", "JSON parse error - 'utf-8' codec can't decode byte 0xc0 in position 1: invalid start byte"},
	{"[\"\xe2\x98\x85\", \xfe]", "JSON parse error - 'utf-8' codec can't decode byte 0xfe in position 8: invalid start byte"},
	{strings.Repeat("1", 4301), "JSON parse error - Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"},
	{"[" + strings.Repeat("1", 4301) + "]", "JSON parse error - Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"},
	{"-" + strings.Repeat("1", 4301), "JSON parse error - Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"},
	{"\x00", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"{\"a\": [1, {\"b\": nul}]}", "JSON parse error - Expecting value: line 1 column 17 (char 16)"},
	{"{\"a\": 1, }", "JSON parse error - Expecting property name enclosed in double quotes: line 1 column 10 (char 9)"},
	{"[,1]", "JSON parse error - Expecting value: line 1 column 2 (char 1)"},
	{"{,}", "JSON parse error - Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
	{"{\"a\"}", "JSON parse error - Expecting ':' delimiter: line 1 column 5 (char 4)"},
	{"{\"a\":}", "JSON parse error - Expecting value: line 1 column 6 (char 5)"},
	{"[\"a\" \"b\"]", "JSON parse error - Expecting ',' delimiter: line 1 column 6 (char 5)"},
	{"{\"a\":1 \"b\":2}", "JSON parse error - Expecting ',' delimiter: line 1 column 8 (char 7)"},
	{"[1]]", "JSON parse error - Extra data: line 1 column 4 (char 3)"},
	{"{}}", "JSON parse error - Extra data: line 1 column 3 (char 2)"},
	{"[]x", "JSON parse error - Extra data: line 1 column 3 (char 2)"},
	{"\"\\x41\"", "JSON parse error - Invalid \\escape: line 1 column 2 (char 1)"},
	{"\"\\U0041\"", "JSON parse error - Invalid \\escape: line 1 column 2 (char 1)"},
	{"\"\x7f\"", ""},
	{"[1e5, 1E+2, 2e-3, 1.]", "JSON parse error - Expecting ',' delimiter: line 1 column 20 (char 19)"},
	{"[-0.e1]", "JSON parse error - Expecting ',' delimiter: line 1 column 4 (char 3)"},
	{"[0x10]", "JSON parse error - Expecting ',' delimiter: line 1 column 3 (char 2)"},
	{"[1_000]", "JSON parse error - Expecting ',' delimiter: line 1 column 3 (char 2)"},
	{"\x0c1", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"\xc2\xa01", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"1\xc2\xa0", "JSON parse error - Extra data: line 1 column 2 (char 1)"},
	{"/* */ 1", "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"[true, false, null, tRue]", "JSON parse error - Expecting value: line 1 column 21 (char 20)"},
}

func TestJSONPythonMessages(t *testing.T) {
	for _, tt := range pythonJSONMessages {
		name := tt.body
		if len(name) > 40 {
			name = name[:40]
		}
		t.Run(name, func(t *testing.T) {
			r := newRequest("POST", "application/json", tt.body, nil)
			v, err := parse.JSON{}.Parse(r, "application/json")
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Parse(%q) = %v; want success", tt.body, err)
				}
				return
			}
			if v != nil {
				t.Errorf("Parse(%q) value = %v; want nil", tt.body, v)
			}
			checkParseError(t, "Parse("+tt.body+")", err, tt.want)
			// ParseInto checks the same way and reports the same detail.
			var into any
			err = parse.JSON{}.ParseInto(newRequest("POST", "application/json", tt.body, nil), &into)
			checkParseError(t, "ParseInto("+tt.body+")", err, tt.want)
		})
	}
}
