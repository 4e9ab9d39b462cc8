package parse

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxIntDigits is Python's default int_max_str_digits: a JSON integer with
// more digits (the sign not counted) is refused, with Python's message, as
// DRF on Python 3.11+ refuses it. It bounds the work a single number costs.
const MaxIntDigits = 4300

// DefaultMaxDepth is the default JSON.MaxDepth: how deeply arrays and
// objects may nest. Python's recursion limit stops DRF near this depth
// (with a 500); restframe answers 400.
const DefaultMaxDepth = 1000

// pyJSON decodes text the way Python's json.loads does with its C scanner
// (CPython 3.11 Modules/_json.c and Lib/json/decoder.py): the same grammar
// (Python's extensions NaN, Infinity and -Infinity included), the same
// error at the same place, and the same message, with positions counted in
// characters.
type pyJSON struct {
	s         string
	strict    bool // DRF's STRICT_JSON: NaN and the infinities are refused
	useNumber bool // numbers become json.Number, not float64
	validate  bool // only check: build no values
	maxDepth  int
	depth     int
}

// jsonErr is a decoding error: Python's JSONDecodeError when pos >= 0
// (the message then gets ": line L column C (char N)"), else a plain
// ValueError message.
type jsonErr struct {
	msg string
	pos int // byte offset in the text, or -1
}

// message formats e as Python's str(exc) for the text s.
func (e *jsonErr) message(s string) string {
	if e.pos < 0 {
		return e.msg
	}
	// json.decoder.JSONDecodeError: lineno counts "\n" only; colno is the
	// distance from the last "\n" (or the start, counting from 1).
	before := s[:e.pos]
	line := strings.Count(before, "\n") + 1
	char := utf8.RuneCountInString(before)
	col := char + 1
	if nl := strings.LastIndexByte(before, '\n'); nl >= 0 {
		col = utf8.RuneCountInString(before[nl:])
	}
	return e.msg + ": line " + strconv.Itoa(line) + " column " + strconv.Itoa(col) +
		" (char " + strconv.Itoa(char) + ")"
}

// decode is json.loads(s): one value, surrounded by optional whitespace.
func (d *pyJSON) decode() (any, *jsonErr) {
	if strings.HasPrefix(d.s, "\uFEFF") {
		return nil, &jsonErr{"Unexpected UTF-8 BOM (decode using utf-8-sig)", 0}
	}
	v, end, err := d.value(skipSpace(d.s, 0))
	if err != nil {
		return nil, err
	}
	if end = skipSpace(d.s, end); end != len(d.s) {
		return nil, &jsonErr{"Extra data", end}
	}
	return v, nil
}

// skipSpace skips JSON whitespace (RFC 8259 §2, Python's WHITESPACE).
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// value is scan_once: the value starting at i and the index after it.
func (d *pyJSON) value(i int) (any, int, *jsonErr) {
	s := d.s
	if i >= len(s) {
		return nil, i, &jsonErr{"Expecting value", i}
	}
	switch s[i] {
	case '"':
		return d.str(i + 1)
	case '{':
		if d.depth >= d.maxDepth {
			return nil, i, d.tooDeep(i)
		}
		d.depth++
		v, end, err := d.object(i + 1)
		d.depth--
		return v, end, err
	case '[':
		if d.depth >= d.maxDepth {
			return nil, i, d.tooDeep(i)
		}
		d.depth++
		v, end, err := d.array(i + 1)
		d.depth--
		return v, end, err
	case 'n':
		if strings.HasPrefix(s[i:], "null") {
			return nil, i + 4, nil
		}
	case 't':
		if strings.HasPrefix(s[i:], "true") {
			return true, i + 4, nil
		}
	case 'f':
		if strings.HasPrefix(s[i:], "false") {
			return false, i + 5, nil
		}
	case 'N':
		if strings.HasPrefix(s[i:], "NaN") {
			return d.constant("NaN", math.NaN(), i+3)
		}
	case 'I':
		if strings.HasPrefix(s[i:], "Infinity") {
			return d.constant("Infinity", math.Inf(1), i+8)
		}
	case '-':
		if strings.HasPrefix(s[i:], "-Infinity") {
			return d.constant("-Infinity", math.Inf(-1), i+9)
		}
	}
	return d.number(i)
}

func (d *pyJSON) tooDeep(i int) *jsonErr {
	return &jsonErr{"Maximum nesting depth (" + strconv.Itoa(d.maxDepth) + ") exceeded", i}
}

// constant is Python's parse_constant hook: DRF's strict_constant refuses
// the value; otherwise it is the float.
func (d *pyJSON) constant(name string, f float64, end int) (any, int, *jsonErr) {
	if d.strict {
		return nil, end, outOfRange(name)
	}
	return f, end, nil
}

// outOfRange is DRF's strict_constant message.
func outOfRange(repr string) *jsonErr {
	return &jsonErr{"Out of range float values are not JSON compliant: '" + repr + "'", -1}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// number is _match_number_unicode: "-"? then "0" or a non-zero digit and
// more digits, then "." and digits, then an exponent. A fraction or an
// exponent without digits is not consumed (it becomes the next token).
func (d *pyJSON) number(start int) (any, int, *jsonErr) {
	s := d.s
	i := start
	if s[i] == '-' {
		i++
		if i >= len(s) {
			return nil, start, &jsonErr{"Expecting value", start}
		}
	}
	switch {
	case '1' <= s[i] && s[i] <= '9':
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	case s[i] == '0':
		i++
	default:
		return nil, start, &jsonErr{"Expecting value", start}
	}
	isFloat := false
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		isFloat = true
		i += 2
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i+1 < len(s) && (s[i] == 'e' || s[i] == 'E') {
		e := i
		i++
		if i+1 < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if isDigit(s[i-1]) {
			isFloat = true
		} else {
			i = e
		}
	}
	lit := s[start:i]
	if !isFloat {
		digits := len(lit)
		if lit[0] == '-' {
			digits--
		}
		if digits > MaxIntDigits {
			return nil, i, &jsonErr{"Exceeds the limit (" + strconv.Itoa(MaxIntDigits) +
				" digits) for integer string conversion: value has " + strconv.Itoa(digits) +
				" digits; use sys.set_int_max_str_digits() to increase the limit", -1}
		}
		if lit == "-0" {
			lit = "0" // Python's int("-0") is 0
		}
	}
	if d.validate {
		return nil, i, nil
	}
	if d.useNumber {
		return json.Number(lit), i, nil
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil && math.IsInf(f, 0) && d.strict {
		// Python reads the float as inf, which DRF's strict renderer then
		// refuses with a 500; refuse it here as a bad request instead.
		if f > 0 {
			return nil, i, outOfRange("inf")
		}
		return nil, i, outOfRange("-inf")
	}
	return f, i, nil
}

// str is scanstring_unicode (strict): the string whose opening quote is
// at i-1, and the index after its closing quote. Raw control characters
// are refused; a lone UTF-16 surrogate escape becomes U+FFFD (Python keeps
// it, Go strings cannot).
func (d *pyJSON) str(i int) (any, int, *jsonErr) {
	s := d.s
	begin := i - 1
	var buf []byte
	chunk := i
	for {
		j := i
		for j < len(s) {
			c := s[j]
			if c == '"' || c == '\\' {
				break
			}
			if c <= 0x1f {
				return nil, j, &jsonErr{"Invalid control character at", j}
			}
			j++
		}
		if j >= len(s) {
			return nil, j, &jsonErr{"Unterminated string starting at", begin}
		}
		if s[j] == '"' {
			if d.validate {
				return nil, j + 1, nil
			}
			if buf == nil {
				return s[chunk:j], j + 1, nil
			}
			return string(append(buf, s[chunk:j]...)), j + 1, nil
		}
		if !d.validate {
			buf = append(buf, s[chunk:j]...)
		}
		j++ // past the backslash
		if j == len(s) {
			return nil, j, &jsonErr{"Unterminated string starting at", begin}
		}
		if c := s[j]; c != 'u' {
			switch c {
			case '"', '\\', '/':
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			default:
				return nil, j, &jsonErr{"Invalid \\escape", j - 1}
			}
			if !d.validate {
				buf = append(buf, c)
			}
			i = j + 1
			chunk = i
			continue
		}
		next := j + 1
		end := next + 4
		if end >= len(s) {
			return nil, next, &jsonErr{"Invalid \\uXXXX escape", next - 1}
		}
		r, ok := hex4(s[next:end])
		if !ok {
			return nil, next, &jsonErr{"Invalid \\uXXXX escape", end - 5}
		}
		if utf16.IsSurrogate(r) && r < 0xDC00 && end+6 < len(s) && s[end] == '\\' && s[end+1] == 'u' {
			r2, ok := hex4(s[end+2 : end+6])
			if !ok {
				return nil, end, &jsonErr{"Invalid \\uXXXX escape", end + 1}
			}
			if 0xDC00 <= r2 && r2 <= 0xDFFF {
				r = utf16.DecodeRune(r, r2)
				end += 6
			}
		}
		if !d.validate {
			buf = utf8.AppendRune(buf, r) // a lone surrogate is U+FFFD
		}
		i = end
		chunk = i
	}
}

// hex4 decodes four hexadecimal digits.
func hex4(s string) (rune, bool) {
	var r rune
	for i := 0; i < 4; i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// object is _parse_object_unicode: the object whose "{" is at i-1.
// Duplicate names keep the last value, as Python's dict does.
func (d *pyJSON) object(i int) (any, int, *jsonErr) {
	s := d.s
	var obj map[string]any
	if !d.validate {
		obj = map[string]any{}
	}
	i = skipSpace(s, i)
	if i < len(s) && s[i] == '}' {
		return obj, i + 1, nil
	}
	for {
		if i >= len(s) || s[i] != '"' {
			return nil, i, &jsonErr{"Expecting property name enclosed in double quotes", i}
		}
		key, end, err := d.str(i + 1)
		if err != nil {
			return nil, end, err
		}
		i = skipSpace(s, end)
		if i >= len(s) || s[i] != ':' {
			return nil, i, &jsonErr{"Expecting ':' delimiter", i}
		}
		val, end, err := d.value(skipSpace(s, i+1))
		if err != nil {
			return nil, end, err
		}
		if !d.validate {
			obj[key.(string)] = val
		}
		i = skipSpace(s, end)
		if i < len(s) && s[i] == '}' {
			return obj, i + 1, nil
		}
		if i >= len(s) || s[i] != ',' {
			return nil, i, &jsonErr{"Expecting ',' delimiter", i}
		}
		i = skipSpace(s, i+1)
	}
}

// array is _parse_array_unicode: the array whose "[" is at i-1.
func (d *pyJSON) array(i int) (any, int, *jsonErr) {
	s := d.s
	var arr []any
	if !d.validate {
		arr = []any{}
	}
	i = skipSpace(s, i)
	if i < len(s) && s[i] == ']' {
		return arr, i + 1, nil
	}
	for {
		val, end, err := d.value(i)
		if err != nil {
			return nil, end, err
		}
		if !d.validate {
			arr = append(arr, val)
		}
		i = skipSpace(s, end)
		if i < len(s) && s[i] == ']' {
			return arr, i + 1, nil
		}
		if i >= len(s) || s[i] != ',' {
			return nil, i, &jsonErr{"Expecting ',' delimiter", i}
		}
		i = skipSpace(s, i+1)
	}
}
