package mediatype

import "errors"

// Errors returned by the parsers. Every one of them describes bad client
// input: a caller maps them to a 4xx status (400 Bad Request, or 415
// Unsupported Media Type for a request's Content-Type), never to a 500.
// Compare with errors.Is.
var (
	// ErrInvalid reports a media type whose type or subtype is not a token
	// (RFC 9110 §8.3.1), e.g. "json" or "text/ html". mime.ParseMediaType
	// reports the same case as "mime: expected slash after first token".
	ErrInvalid = errors.New("mediatype: invalid media type")

	// ErrInvalidParam reports a parameter that is not name=value with a
	// token name and a token or quoted-string value (RFC 9110 §5.6.6), or an
	// unterminated quoted-string.
	ErrInvalidParam = errors.New("mediatype: invalid parameter")

	// ErrDuplicateParam reports a parameter name given twice
	// (mime.ParseMediaType: "mime: duplicate parameter name").
	ErrDuplicateParam = errors.New("mediatype: duplicate parameter")

	// ErrTooLong reports a media type longer than MaxLength bytes.
	ErrTooLong = errors.New("mediatype: media type too long")

	// ErrTooManyParams reports a media type with more than MaxParams
	// parameters.
	ErrTooManyParams = errors.New("mediatype: too many parameters")

	// ErrNonASCII reports a DRF-style media type whose type or a parameter
	// name holds a non-ASCII byte. DRF 3.14 raises UnicodeDecodeError there
	// (a 500); restframe reports this error, and negotiation skips the entry.
	ErrNonASCII = errors.New("mediatype: non-ASCII type or parameter name")

	// ErrInvalidEncoding reports an RFC 2231 extended parameter
	// (name*=charset'lang'value) that is not three quote-separated parts or
	// names a charset other than UTF-8, ISO-8859-1 and US-ASCII. DRF raises
	// ValueError or LookupError there.
	ErrInvalidEncoding = errors.New("mediatype: invalid RFC 2231 parameter")

	// ErrAcceptTooLong reports an Accept header longer than MaxAcceptLength
	// bytes; the ranges that end within the limit are still returned.
	ErrAcceptTooLong = errors.New("mediatype: Accept header too long")

	// ErrTooManyRanges reports an Accept header with more than
	// MaxAcceptEntries list members; the first MaxAcceptEntries are still
	// used.
	ErrTooManyRanges = errors.New("mediatype: too many Accept entries")
)
