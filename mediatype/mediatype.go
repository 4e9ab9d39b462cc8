package mediatype

// Limits of the media type parsers. Input beyond them is rejected with a
// typed error (ErrTooLong, ErrTooManyParams); in an Accept header the entry
// is skipped instead.
const (
	// MaxLength is the longest media type, in bytes, that Parse and
	// ParseDRF accept (ErrTooLong beyond). Django 6.1 rejects header
	// parameter lines longer than 10 000 characters; 4 KiB is ample for any
	// real Content-Type, multipart boundaries included.
	MaxLength = 4096
	// MaxParams is the largest number of parameters in one media type or
	// media range (ErrTooManyParams beyond). Empty parameters (";;") and, in
	// an Accept entry, the q weight are not counted.
	MaxParams = 32
)

// Param is one media type parameter. Name is lower-cased; Value is unquoted
// and keeps its case (RFC 9110 §5.6.6).
type Param struct {
	Name  string
	Value string
}

// MediaType is a parsed media type (RFC 9110 §8.3.1), the Go counterpart of
// the (main type, params) pair that Django's parse_header_parameters returns.
// Type and Subtype are lower-cased; Params keep their order. The zero value
// is an empty media type whose String is "/".
type MediaType struct {
	Type    string
	Subtype string
	Params  []Param
}

// Parse parses a media type such as a Content-Type field value
// (RFC 9110 §8.3.1):
//
//	media-type = type "/" subtype parameters
//	parameters = *( OWS ";" OWS [ parameter ] )
//	parameter  = parameter-name "=" ( token / quoted-string )
//
// Leading and trailing whitespace is ignored. Type, subtype and parameter
// names are case-insensitive and returned lower-cased; parameter values keep
// their case and quoted-strings are unquoted. Wildcards are tokens, so
// "image/*" parses. Parse is strict where Django is lenient: a parameter
// without "=" is ErrInvalidParam (Django drops it) and a repeated name is
// ErrDuplicateParam (Django keeps the last); use ParseDRF for Django's rules.
// Input longer than MaxLength is ErrTooLong, more than MaxParams parameters
// is ErrTooManyParams.
func Parse(s string) (MediaType, error) {
	if len(s) > MaxLength {
		return MediaType{}, ErrTooLong
	}
	s = trimOWS(s)
	typ, sub, rest, ok := scanTypeSubtype(s)
	if !ok {
		return MediaType{}, ErrInvalid
	}
	if i := skipOWS(rest, 0); i < len(rest) && rest[i] != ';' {
		return MediaType{}, ErrInvalid // "text/html/x", "text/html x"
	}
	n, err := countParams(rest)
	if err != nil {
		return MediaType{}, err
	}
	mt := MediaType{Type: toLower(typ), Subtype: toLower(sub)}
	if n == 0 {
		return mt, nil
	}
	mt.Params = make([]Param, 0, n)
	for p := (paramIter{s: rest}); p.next(); {
		mt.Params = append(mt.Params, Param{Name: toLower(p.name), Value: paramValue(p.raw)})
	}
	return mt, nil
}

// scanTypeSubtype splits s, which starts with type "/" subtype, into its
// parts and the rest (the parameters). ok is false when type or subtype is not
// a token.
func scanTypeSubtype(s string) (typ, sub, rest string, ok bool) {
	i := 0
	for i < len(s) && isTchar(s[i]) {
		i++
	}
	if i == 0 || i >= len(s) || s[i] != '/' {
		return "", "", "", false
	}
	j := i + 1
	for j < len(s) && isTchar(s[j]) {
		j++
	}
	if j == i+1 {
		return "", "", "", false
	}
	return s[:i], s[i+1 : j], s[j:], true
}

// countParams validates the parameter section rest (everything after the
// subtype) and returns the number of parameters.
func countParams(rest string) (int, error) {
	n := 0
	for p := (paramIter{s: rest}); ; {
		if !p.next() {
			if p.err != nil {
				return 0, p.err
			}
			return n, nil
		}
		n++
		if n > MaxParams {
			return 0, ErrTooManyParams
		}
		for q := (paramIter{s: rest}); q.next() && q.pos < p.pos; {
			if equalFold(q.name, p.name) {
				return 0, ErrDuplicateParam
			}
		}
	}
}

// paramIter walks the parameters of RFC 9110 §5.6.6,
// *( OWS ";" OWS [ parameter ] ), without allocating. Empty parameters are
// skipped. After next returns false, err says whether the input was
// malformed.
type paramIter struct {
	s    string
	i    int
	pos  int    // start of the current parameter in s
	name string // as written
	raw  string // the value as written: a token or a quoted-string
	err  error
}

func (p *paramIter) next() bool {
	s := p.s
	for {
		i := skipOWS(s, p.i)
		if i >= len(s) {
			p.i = i
			return false
		}
		if s[i] != ';' {
			p.err = ErrInvalidParam
			p.i = len(s)
			return false
		}
		i = skipOWS(s, i+1)
		if i >= len(s) || s[i] == ';' {
			p.i = i
			continue
		}
		start := i
		for i < len(s) && isTchar(s[i]) {
			i++
		}
		if i == start || i >= len(s) || s[i] != '=' {
			p.err = ErrInvalidParam
			p.i = len(s)
			return false
		}
		p.name = s[start:i]
		i++
		vstart := i
		if i < len(s) && s[i] == '"' {
			i = scanQuoted(s, i)
			if i < 0 {
				p.err = ErrInvalidParam
				p.i = len(s)
				return false
			}
		} else {
			for i < len(s) && isTchar(s[i]) {
				i++
			}
			if i == vstart {
				p.err = ErrInvalidParam
				p.i = len(s)
				return false
			}
		}
		p.raw = s[vstart:i]
		p.pos = start
		p.i = i
		return true
	}
}

// Param returns the value of the parameter name (case-insensitive) and
// whether it is present.
func (m MediaType) Param(name string) (string, bool) {
	for _, p := range m.Params {
		if equalFold(p.Name, name) {
			return p.Value, true
		}
	}
	return "", false
}

// String formats m as "type/subtype; name=value; …", quoting each value
// that is not a token (RFC 9110 §5.6.6) with '"' and '\' escaped, as
// mime.FormatMediaType does. Names and types are written as stored.
// Parse(m.String()) gives m back for any m that Parse returned.
func (m MediaType) String() string {
	return string(m.AppendTo(make([]byte, 0, m.formatLen())))
}

// AppendTo appends m formatted as by String to b and returns the extended
// buffer; it lets a hot path format without allocating.
func (m MediaType) AppendTo(b []byte) []byte {
	b = append(b, m.Type...)
	b = append(b, '/')
	b = append(b, m.Subtype...)
	for _, p := range m.Params {
		b = append(b, "; "...)
		b = append(b, p.Name...)
		b = append(b, '=')
		b = appendValue(b, p.Value)
	}
	return b
}

func (m MediaType) formatLen() int {
	n := len(m.Type) + 1 + len(m.Subtype)
	for _, p := range m.Params {
		n += 3 + len(p.Name) + len(p.Value) + 2
	}
	return n
}
