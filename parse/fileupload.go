package parse

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/restframe/restframe/mediatype"
	"github.com/restframe/restframe/web"
)

// FileUpload is DRF's FileUploadParser: the whole body is one uploaded
// file, whatever its media type ("*/*" by default, so put it last in a
// parser list). Parse returns a Data whose Files hold it under "file"
// (DRF's request.data["file"] and request.FILES["file"]) and whose Fields
// are empty. The caller calls Data.Close when done with the file.
//
// The file name is the "filename" URL value (r.PathValue("filename"),
// DRF's URL kwarg), else the filename parameter of the Content-Disposition
// header (RFC 6266; filename* in RFC 5987 form is decoded; a header longer
// than mediatype.MaxLength is ignored). Without one,
// Parse returns an *Error matching ErrParse with DRF's detail "Missing
// filename. Request should include a Content-Disposition header with a
// filename parameter." The name is sanitized as the web layer sanitizes
// multipart file names (web.UploadedFile.Name): it is still client text.
// The file's ContentType, Charset and ContentTypeExtra come from the
// request's Content-Type.
//
// Differences from DRF: the name is sanitized as in a multipart body (HTML
// entities decoded, a backslash separates directories too), and a name that
// sanitizes to nothing, like "..", is a missing filename (Django raises
// SuspiciousFileOperation).
//
// Limits: the body is streamed into the file, in memory up to
// web.Settings.FileMaxMemorySize and into a temporary file beyond; it is
// not limited in size unless MaxSize is set, as in Django.
type FileUpload struct {
	// Type is the media type handled; "" means "*/*".
	Type string
	// MaxSize is the largest body accepted, in bytes; a larger one is
	// web.ErrRequestDataTooBig (413). 0 (or less) means no limit.
	MaxSize int64
}

var _ Parser = FileUpload{}

// MediaType returns p.Type, or "*/*".
func (p FileUpload) MediaType() string {
	if p.Type == "" {
		return "*/*"
	}
	return p.Type
}

// Parse is FileUploadParser.parse: the body of r as the file "file" of a
// Data. mediaType is not used.
func (p FileUpload) Parse(r *web.Request, mediaType string) (any, error) {
	name := shortName(filename(r))
	if name == "" {
		return nil, errParse(missingFilename, nil)
	}
	hr := r.HTTP()
	if p.MaxSize > 0 && hr.ContentLength > p.MaxSize {
		return nil, web.ErrRequestDataTooBig
	}
	var src io.Reader = r
	if p.MaxSize > 0 {
		src = http.MaxBytesReader(nil, io.NopCloser(r), p.MaxSize)
	}
	// The web layer's multipart parser stores files: the body becomes the
	// only part of a multipart stream whose boundary the client cannot
	// guess, so its content cannot end the part early.
	var rnd [16]byte
	rand.Read(rnd[:])
	boundary := "restframe-upload-" + hex.EncodeToString(rnd[:])
	var head strings.Builder
	head.WriteString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename*=utf-8''")
	pctEncode(&head, name)
	head.WriteString("\r\n")
	if ct := hr.Header.Get("Content-Type"); ct != "" && validHeaderValue(ct) {
		head.WriteString("Content-Type: " + ct + "\r\n")
	}
	head.WriteString("\r\n")
	body := io.MultiReader(strings.NewReader(head.String()), src, strings.NewReader("\r\n--"+boundary+"--\r\n"))
	sr := shadowRequest(r, "multipart/form-data; boundary="+boundary, -1, body)
	if err := sr.SetEncoding("utf-8"); err != nil {
		return nil, err
	}
	files, err := sr.Files()
	if err != nil {
		return nil, multipartError("FileUpload parse error - ", r, err)
	}
	if !files.Has("file") { // the name sanitized to nothing, like ".."
		return nil, errParse(missingFilename, nil)
	}
	return Data{Files: files}, nil
}

// shortName drops what the web layer's file name sanitizing drops anyway
// (everything up to the last slash or backslash, and, of a long name, all but
// its start and extension, since names are cut to 255 characters), so
// that a long name cannot overflow web.MaxPartHeaderBytes.
func shortName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	const max = 2048
	if len(name) <= max {
		return name
	}
	ext := ""
	if i := strings.LastIndexByte(name, '.'); i > 0 && len(name)-i <= max/2 {
		ext = name[i:]
	}
	cut := max - len(ext)
	for cut > 0 && !utf8.RuneStart(name[cut]) {
		cut--
	}
	return name[:cut] + ext
}

// validHeaderValue reports whether v may be a header field value (RFC 9110
// §5.5: no control characters but HTAB); net/http's server refuses others.
func validHeaderValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

const missingFilename = "Missing filename. Request should include a Content-Disposition header with a filename parameter."

// filename is FileUploadParser.get_filename: the "filename" URL value,
// else the filename parameter of the Content-Disposition header, parsed
// as Django's parse_header_parameters does.
func filename(r *web.Request) string {
	if name := r.PathValue("filename"); name != "" {
		return name
	}
	cd := r.HTTP().Header.Get("Content-Disposition")
	if cd == "" {
		return ""
	}
	m, err := mediatype.ParseDRF(cd)
	if err != nil {
		return ""
	}
	name, _ := m.Param("filename")
	return name
}

// pctEncode writes s percent-encoded, every byte but ALPHA, DIGIT and
// "-._~" escaped (an RFC 5987 value).
func pctEncode(b *strings.Builder, s string) {
	const hexDigits = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
}
