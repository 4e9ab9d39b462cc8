package web

// ContentDisposition returns the value of a Content-Disposition header for
// a file (RFC 6266 §4): Django's content_disposition_header (5.2+).
//
// With a filename, it is "attachment" or "inline" followed by the name,
// quoted when it has only tabs, spaces and visible ASCII (with \ and "
// escaped by a backslash), otherwise as an RFC 5987 §3.2 extended value,
// its UTF-8 bytes percent-encoded as Python's urllib.parse.quote does
// ("/" and "A-Za-z0-9_.-~" kept):
//
//	attachment; filename="a\"b.txt"
//	inline; filename*=utf-8''r%C3%A9sum%C3%A9.pdf
//
// Like Django, the extended form keeps "/" unescaped, which strict RFC 5987
// parsers (Go's mime.ParseMediaType) refuse; FileResponse only ever passes
// a base name, which has no "/".
//
// Without a filename it is "attachment" when asAttachment, else "" (no
// header).
//
// The result never contains CR or LF: Django sends a name ending in LF in
// the quoted form (and then fails with BadHeaderError); here it is
// percent-encoded.
func ContentDisposition(asAttachment bool, filename string) string {
	if filename == "" {
		if asAttachment {
			return "attachment"
		}
		return ""
	}
	disposition := "inline"
	if asAttachment {
		disposition = "attachment"
	}
	quotable := true
	for i := 0; i < len(filename); i++ {
		if c := filename[i]; c != '\t' && (c < 0x20 || c > 0x7e) {
			quotable = false
			break
		}
	}
	b := make([]byte, 0, len(disposition)+len(`; filename*=utf-8''`)+3*len(filename))
	b = append(b, disposition...)
	if quotable {
		b = append(b, `; filename="`...)
		for i := 0; i < len(filename); i++ {
			if c := filename[i]; c == '\\' || c == '"' {
				b = append(b, '\\')
			}
			b = append(b, filename[i])
		}
		return string(append(b, '"'))
	}
	const hex = "0123456789ABCDEF"
	b = append(b, `; filename*=utf-8''`...)
	for i := 0; i < len(filename); i++ {
		c := filename[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '_' || c == '.' || c == '-' || c == '~' || c == '/' {
			b = append(b, c)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}
