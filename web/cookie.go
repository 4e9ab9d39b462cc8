package web

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// CookieError is the error of SetCookie, SetSignedCookie and DeleteCookie:
// Python's CookieError and Django's ValueError. Err is one of the ErrCookie…
// sentinels or ErrSameSite (or, from SetSignedCookie, a signing error such
// as signing.ErrEmptyKey), so errors.Is works through it.
type CookieError struct {
	Name string // the cookie name
	Err  error
}

// Error returns the sentinel's message and the quoted cookie name.
func (e *CookieError) Error() string { return e.Err.Error() + ": " + strconv.Quote(e.Name) }

// Unwrap returns the sentinel.
func (e *CookieError) Unwrap() error { return e.Err }

// Cookie is one cookie a response sets: the Python Morsel that Django's
// set_cookie fills, kept in BaseResponse in the order names were first set.
// Attribute fields hold the text written on the wire; an empty string or a
// false flag is not written.
type Cookie struct {
	// Name is the cookie name (validated by SetCookie; String writes it as is).
	Name string
	// Value is the value as set; String quotes it with QuoteCookieValue.
	Value string
	// Expires is the expires attribute: an HTTP date or the caller's text.
	Expires string
	// MaxAge is the Max-Age attribute in seconds, written when MaxAgeSet.
	MaxAge int64
	// MaxAgeSet reports whether Max-Age is written (Max-Age=0 included).
	MaxAgeSet bool
	// Path is the Path attribute.
	Path string
	// Domain is the Domain attribute.
	Domain string
	// Secure writes the Secure flag.
	Secure bool
	// HTTPOnly writes the HttpOnly flag.
	HTTPOnly bool
	// SameSite is the SameSite attribute as the caller spelled it ("Lax",
	// "none", ...).
	SameSite string
}

// String returns the Set-Cookie header value exactly as Django writes it
// (Python's Morsel.OutputString): name=value, then the attributes in
// alphabetical order of their lower-case names, Domain, expires (lower-case,
// as Python spells it), HttpOnly, Max-Age, Path, SameSite and Secure
// (RFC 6265 §4.1.1).
func (c *Cookie) String() string {
	v := QuoteCookieValue(c.Value)
	var b strings.Builder
	b.Grow(len(c.Name) + 1 + len(v) + len(c.Domain) + len(c.Expires) + len(c.Path) + len(c.SameSite) + 80)
	b.WriteString(c.Name)
	b.WriteByte('=')
	b.WriteString(v)
	if c.Domain != "" {
		b.WriteString("; Domain=")
		b.WriteString(c.Domain)
	}
	if c.Expires != "" {
		b.WriteString("; expires=")
		b.WriteString(c.Expires)
	}
	if c.HTTPOnly {
		b.WriteString("; HttpOnly")
	}
	if c.MaxAgeSet {
		b.WriteString("; Max-Age=")
		var num [20]byte
		b.Write(strconv.AppendInt(num[:0], c.MaxAge, 10))
	}
	if c.Path != "" {
		b.WriteString("; Path=")
		b.WriteString(c.Path)
	}
	if c.SameSite != "" {
		b.WriteString("; SameSite=")
		b.WriteString(c.SameSite)
	}
	if c.Secure {
		b.WriteString("; Secure")
	}
	return b.String()
}

// CookieOptions are the keyword arguments of Django's set_cookie. The zero
// value sets a session cookie with Path=/ and no other attribute.
//
// As in Django, setting a cookie whose name was already set on the response
// updates that cookie: the value is replaced, expires is always rewritten,
// and the attributes these options leave alone (MaxAge unset, Domain and
// SameSite empty, NoPath, Secure and HTTPOnly false) keep their earlier
// values.
type CookieOptions struct {
	// MaxAge is max_age, the cookie's lifetime. It is written as whole
	// seconds (truncated toward zero) in Max-Age, and, unless ExpiresText
	// is set, expires becomes the HTTP date of Now+MaxAge. A zero MaxAge
	// means no max_age unless MaxAgeSet is true; a negative one is written
	// as is (browsers expire the cookie at once).
	MaxAge time.Duration
	// MaxAgeSet writes MaxAge even when it is zero: Django's max_age=0,
	// which expires the cookie now. Default false.
	MaxAgeSet bool
	// Expires is a datetime expires: Django converts it to a max_age of the
	// whole seconds until then plus one (never below 0), and expires is
	// derived from that. It cannot be combined with MaxAge or ExpiresText
	// (ErrCookieExpires). The zero time means unset.
	Expires time.Time
	// ExpiresText is any other expires, written verbatim (for example
	// "Thu, 01 Jan 2037 00:00:00 GMT"). Default "": no expires unless
	// derived from MaxAge.
	ExpiresText string
	// Path is the Path attribute. "" means "/" (Django's default).
	Path string
	// NoPath is Django's path=None: write no Path (and keep the one an
	// earlier call set).
	NoPath bool
	// Domain is the Domain attribute. Default "": none.
	Domain string
	// Secure adds the Secure flag.
	Secure bool
	// HTTPOnly adds the HttpOnly flag.
	HTTPOnly bool
	// SameSite is the SameSite attribute: "lax", "none" or "strict" in any
	// case, written as given; anything else is ErrSameSite. Default "":
	// none.
	SameSite string
	// Now is the current time, from which expires is computed. The zero
	// time means time.Now().
	Now time.Time
}

// DeleteCookieOptions are the keyword arguments of Django's delete_cookie.
// The zero value deletes the cookie at Path=/ for the current host.
type DeleteCookieOptions struct {
	// Path is the Path the cookie was set with. "" means "/".
	Path string
	// NoPath is Django's path=None: write no Path.
	NoPath bool
	// Domain is the Domain the cookie was set with. Default "": none.
	Domain string
	// SameSite is the SameSite attribute; "none" (any case) also adds
	// Secure. Default "": none.
	SameSite string
}

// ckExpiredDate is the expires Django's delete_cookie writes.
const ckExpiredDate = "Thu, 01 Jan 1970 00:00:00 GMT"

// SetCookie sets a cookie on the response: Django's
// HttpResponseBase.set_cookie. The name must be a legal cookie name
// (ErrCookieName, ErrCookieNameReserved); the value may be any text and is
// quoted on the wire like Python's SimpleCookie does (QuoteCookieValue).
// On error the response is left unchanged (Django may have half-updated the
// cookie before raising).
func (b *BaseResponse) SetCookie(name, value string, opts CookieOptions) error {
	if err := ckCheckName(name); err != nil {
		return &CookieError{Name: name, Err: err}
	}
	if !opts.Expires.IsZero() && (opts.MaxAge != 0 || opts.MaxAgeSet || opts.ExpiresText != "") {
		return &CookieError{Name: name, Err: ErrCookieExpires}
	}
	if opts.SameSite != "" && !ckValidSameSite(opts.SameSite) {
		return &CookieError{Name: name, Err: ErrSameSite}
	}
	if !ckCleanAttr(opts.Path) || !ckCleanAttr(opts.Domain) || !ckCleanAttr(opts.ExpiresText) {
		return &CookieError{Name: name, Err: ErrCookieAttribute}
	}
	now := opts.Now
	if now.IsZero() && (opts.MaxAge != 0 || opts.MaxAgeSet || !opts.Expires.IsZero()) {
		now = time.Now()
	}

	c := b.cookie(name)
	c.Value = value
	c.Expires = opts.ExpiresText
	hasMaxAge := opts.MaxAge != 0 || opts.MaxAgeSet
	maxAge := opts.MaxAge
	if !opts.Expires.IsZero() {
		// §21.3: the seconds until Expires, plus one to make up for the
		// truncation, floored; the date then follows from max_age.
		d := opts.Expires.Sub(now) + time.Second
		secs := d / time.Second
		if d < 0 && d%time.Second != 0 {
			secs--
		}
		maxAge = max(secs, 0) * time.Second
		hasMaxAge = true
	}
	if hasMaxAge {
		c.MaxAge = int64(maxAge / time.Second)
		c.MaxAgeSet = true
		if c.Expires == "" {
			c.Expires = HTTPDate(now.Add(maxAge))
		}
	}
	if !opts.NoPath {
		c.Path = opts.Path
		if c.Path == "" {
			c.Path = "/"
		}
	}
	if opts.Domain != "" {
		c.Domain = opts.Domain
	}
	if opts.Secure {
		c.Secure = true
	}
	if opts.HTTPOnly {
		c.HTTPOnly = true
	}
	if opts.SameSite != "" {
		c.SameSite = opts.SameSite
	}
	return nil
}

// DeleteCookie tells the client to delete a cookie: Django's
// HttpResponseBase.delete_cookie. It sets the cookie to an empty value with
// Max-Age=0 and expires=Thu, 01 Jan 1970 00:00:00 GMT, at the given path and
// domain. Secure is added when the name starts with "__Secure-" or "__Host-"
// or SameSite is "none", since browsers ignore such cookies without it.
func (b *BaseResponse) DeleteCookie(name string, opts DeleteCookieOptions) error {
	secure := strings.HasPrefix(name, "__Secure-") || strings.HasPrefix(name, "__Host-") ||
		strings.EqualFold(opts.SameSite, "none")
	return b.SetCookie(name, "", CookieOptions{
		MaxAgeSet:   true,
		ExpiresText: ckExpiredDate,
		Path:        opts.Path,
		NoPath:      opts.NoPath,
		Domain:      opts.Domain,
		Secure:      secure,
		SameSite:    opts.SameSite,
	})
}

// cookie returns the response's cookie with this name, adding an empty one
// at the end when there is none (SimpleCookie keeps first-insertion order).
func (b *BaseResponse) cookie(name string) *Cookie {
	for _, c := range b.cookies {
		if c.Name == name {
			return c
		}
	}
	c := &Cookie{Name: name}
	b.cookies = append(b.cookies, c)
	return c
}

// ckCheckName applies Python's Morsel.set checks.
func ckCheckName(name string) error {
	if name == "" {
		return ErrCookieName
	}
	for i := 0; i < len(name); i++ {
		if !ckLegal.has(name[i]) {
			return ErrCookieName
		}
	}
	switch strings.ToLower(name) {
	case "expires", "path", "comment", "domain", "max-age", "secure", "httponly", "version", "samesite":
		return ErrCookieNameReserved
	}
	return nil
}

func ckValidSameSite(s string) bool {
	return strings.EqualFold(s, "lax") || strings.EqualFold(s, "none") || strings.EqualFold(s, "strict")
}

// ckCleanAttr reports whether s has no control character and no ";".
func ckCleanAttr(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c == 0x7f || c == ';' {
			return false
		}
	}
	return true
}

var (
	// ckLegal is Python's http.cookies._LegalChars.
	ckLegal = uriMakeSet("!#$%&'*+-.^_`|~:")
	// ckUnescaped is Python's _UnescapedChars: legal characters plus
	// those that are written unescaped inside quotes.
	ckUnescaped = uriMakeSet("!#$%&'*+-.^_`|~:" + " ()/<=>?@[]{}")
)

// QuoteCookieValue returns value as Python's SimpleCookie writes it in a
// Set-Cookie header (http.cookies._quote), which Django's set_cookie uses.
// A non-empty value made only of letters, digits and "!#$%&'*+-.^_`|~:" is
// returned as is. Any other value is wrapped in double quotes, with `"` and
// `\` backslash-escaped and every other character up to U+00FF that is not
// legal nor one of ` ()/<=>?@[]{}` written as a three-digit octal escape
// (`é` becomes `\351`, `;` becomes `\073`); characters above U+00FF are kept
// in UTF-8. Bytes that are not valid UTF-8 are octal-escaped like Latin-1
// characters. ParseCookie reverses the quoting.
func QuoteCookieValue(value string) string {
	if value != "" {
		i := 0
		for i < len(value) && ckLegal.has(value[i]) {
			i++
		}
		if i == len(value) {
			return value
		}
	}
	buf := make([]byte, 0, len(value)+8)
	buf = append(buf, '"')
	for i := 0; i < len(value); {
		c := value[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(value[i:])
			if r == utf8.RuneError && size == 1 {
				r = rune(c)
			}
		}
		switch {
		case r == '"' || r == '\\':
			buf = append(buf, '\\', byte(r))
		case r < utf8.RuneSelf && ckUnescaped.has(byte(r)):
			buf = append(buf, byte(r))
		case r <= 0xFF:
			buf = append(buf, '\\', byte('0'+r>>6), byte('0'+(r>>3)&7), byte('0'+r&7))
		default:
			buf = append(buf, value[i:i+size]...)
		}
		i += size
	}
	buf = append(buf, '"')
	return string(buf)
}
