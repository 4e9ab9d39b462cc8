package parse

import (
	"strconv"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/textenc"
)

// decodeText decodes b with codec c into a UTF-8 string, strictly, as
// Python's bytes.decode(encoding) does. On failure it returns Python's
// UnicodeDecodeError message, e.g. "'utf-8' codec can't decode byte 0xff
// in position 0: invalid start byte". Unlike DRF's stream reader, an
// incomplete UTF-8 sequence at the very end is an error ("unexpected end
// of data"), not silently dropped.
func decodeText(b []byte, c textenc.Codec) (string, string) {
	i := 0
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	if i == len(b) {
		return string(b), ""
	}
	switch c {
	case textenc.UTF8:
		if utf8.Valid(b[i:]) {
			return string(b), ""
		}
		return "", utf8Error(b)
	case textenc.ASCII:
		return "", decodeError("ascii", b, i, i+1, "ordinal not in range(128)")
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	out = append(out, b[:i]...)
	for ; i < len(b); i++ {
		x := b[i]
		if x < utf8.RuneSelf {
			out = append(out, x)
			continue
		}
		r, ok := textenc.ByteRune(c, x)
		if !ok {
			return "", decodeError("charmap", b, i, i+1, "character maps to <undefined>")
		}
		out = utf8.AppendRune(out, r)
	}
	return string(out), ""
}

// utf8Error is Python's UnicodeDecodeError message for the first invalid
// UTF-8 sequence of b: its maximal invalid subpart (Unicode §3.9) and why.
func utf8Error(b []byte) string {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		if r, size := utf8.DecodeRune(b[i:]); r != utf8.RuneError || size > 1 {
			i += size
			continue
		}
		c := b[i]
		n := 0
		lo, hi := byte(0x80), byte(0xBF)
		switch {
		case 0xC2 <= c && c <= 0xDF:
			n = 2
		case c == 0xE0:
			n, lo = 3, 0xA0
		case c == 0xED:
			n, hi = 3, 0x9F
		case 0xE1 <= c && c <= 0xEF:
			n = 3
		case c == 0xF0:
			n, lo = 4, 0x90
		case c == 0xF4:
			n, hi = 4, 0x8F
		case 0xF1 <= c && c <= 0xF3:
			n = 4
		default:
			return decodeError("utf-8", b, i, i+1, "invalid start byte")
		}
		j := i + 1
		if j < len(b) && lo <= b[j] && b[j] <= hi {
			j++
			for j < i+n && j < len(b) && 0x80 <= b[j] && b[j] <= 0xBF {
				j++
			}
		}
		if j == len(b) {
			return decodeError("utf-8", b, i, j, "unexpected end of data")
		}
		return decodeError("utf-8", b, i, j, "invalid continuation byte")
	}
	return ""
}

// decodeError formats Python's UnicodeDecodeError message for the bytes
// b[start:end] of the codec named codec.
func decodeError(codec string, b []byte, start, end int, reason string) string {
	msg := "'" + codec + "' codec can't decode "
	if end-start == 1 {
		const hex = "0123456789abcdef"
		msg += "byte 0x" + string([]byte{hex[b[start]>>4], hex[b[start]&15]}) +
			" in position " + strconv.Itoa(start)
	} else {
		msg += "bytes in position " + strconv.Itoa(start) + "-" + strconv.Itoa(end-1)
	}
	return msg + ": " + reason
}
