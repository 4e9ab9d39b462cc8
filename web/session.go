package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/restframe/restframe/signing"
)

// Session defaults: the values of Django's settings of the same names.
const (
	// DefaultSessionCookieName is SESSION_COOKIE_NAME.
	DefaultSessionCookieName = "sessionid"
	// DefaultSessionCookieAge is SESSION_COOKIE_AGE: two weeks.
	DefaultSessionCookieAge = 14 * 24 * time.Hour
	// DefaultMaxSessionCookieSize is the default of
	// SessionOptions.MaxCookieSize: 4096 bytes, the smallest cookie size
	// browsers must keep (RFC 6265 §6.1).
	DefaultMaxSessionCookieSize = 4096
	// SessionSalt is the salt of Django's signed_cookies session backend
	// (django.contrib.sessions.backends.signed_cookies), which sessions
	// are signed with.
	SessionSalt = "django.contrib.sessions.backends.signed_cookies"
	// sessionExpiryKey is where Django's set_expiry keeps a custom expiry.
	sessionExpiryKey = "_session_expiry"
)

// SessionOptions configure Sessions: Django's SESSION_* settings with the
// signed_cookies engine. The zero value gives Django's defaults: a cookie
// named "sessionid", valid two weeks, Path=/, HttpOnly, SameSite=Lax, not
// Secure, saved when modified.
type SessionOptions struct {
	// CookieName is SESSION_COOKIE_NAME. Default "sessionid".
	CookieName string
	// CookieAge is SESSION_COOKIE_AGE: the cookie's Max-Age, and the oldest
	// signature accepted when a session is loaded. Default two weeks
	// (DefaultSessionCookieAge). It is counted in whole seconds.
	CookieAge time.Duration
	// CookieDomain is SESSION_COOKIE_DOMAIN. Default "": the cookie is
	// sent to the current host only.
	CookieDomain string
	// CookiePath is SESSION_COOKIE_PATH. Default "/".
	CookiePath string
	// CookieSecure is SESSION_COOKIE_SECURE: send the cookie over HTTPS
	// only. Default false; turn it on for sites served over HTTPS.
	CookieSecure bool
	// DisableHTTPOnly is SESSION_COOKIE_HTTPONLY = False: let scripts read
	// the cookie. Default false (the cookie is HttpOnly).
	DisableHTTPOnly bool
	// CookieSameSite is SESSION_COOKIE_SAMESITE: "Lax", "Strict" or "None"
	// (any case, written as given). Default "" means "Lax"; NoHeader writes
	// no SameSite attribute. Any other value makes every request fail with
	// a *CookieError (ErrSameSite), as do an invalid CookieName, CookiePath
	// or CookieDomain.
	CookieSameSite string
	// SaveEveryRequest is SESSION_SAVE_EVERY_REQUEST: re-send the cookie
	// (with a fresh timestamp) on every response of a session that has
	// data, not only when it was modified. Default false.
	SaveEveryRequest bool
	// ExpireAtBrowserClose is SESSION_EXPIRE_AT_BROWSER_CLOSE: write the
	// cookie without Max-Age and expires, so the browser drops it when it
	// closes. Default false. Session.SetExpiry overrides it per session.
	ExpireAtBrowserClose bool
	// MaxCookieSize is the longest session cookie value read or written, in
	// bytes. 0 means DefaultMaxSessionCookieSize; negative means no limit
	// (the signing package still caps its input).
	MaxCookieSize int
}

// sessionConfig is the normalised form of SessionOptions.
type sessionConfig struct {
	name       string
	age        time.Duration
	domain     string
	path       string
	secure     bool
	httpOnly   bool
	sameSite   string
	saveEvery  bool
	browserEnd bool
	maxSize    int
	err        error // a configuration error, reported on every request
}

func (o SessionOptions) config() *sessionConfig {
	c := &sessionConfig{
		name:       o.CookieName,
		age:        o.CookieAge,
		domain:     o.CookieDomain,
		path:       o.CookiePath,
		secure:     o.CookieSecure,
		httpOnly:   !o.DisableHTTPOnly,
		sameSite:   o.CookieSameSite,
		saveEvery:  o.SaveEveryRequest,
		browserEnd: o.ExpireAtBrowserClose,
		maxSize:    o.MaxCookieSize,
	}
	if c.name == "" {
		c.name = DefaultSessionCookieName
	}
	if c.age <= 0 {
		c.age = DefaultSessionCookieAge
	}
	if c.path == "" {
		c.path = "/"
	}
	switch c.sameSite {
	case "":
		c.sameSite = "Lax"
	case NoHeader:
		c.sameSite = ""
	}
	if c.maxSize == 0 {
		c.maxSize = DefaultMaxSessionCookieSize
	}
	// A trial cookie reports a bad name, path, domain or SameSite now.
	var trial BaseResponse
	c.err = trial.SetCookie(c.name, "", c.cookieOptions(time.Unix(0, 0)))
	return c
}

// cookieOptions are the attributes of the session cookie.
func (c *sessionConfig) cookieOptions(now time.Time) CookieOptions {
	return CookieOptions{
		Path:     c.path,
		Domain:   c.domain,
		Secure:   c.secure,
		HTTPOnly: c.httpOnly,
		SameSite: c.sameSite,
		Now:      now,
	}
}

// signingOptions are the options of Django's signed_cookies backend.
func (c *sessionConfig) signingOptions(s *Settings, maxAge time.Duration) signing.Options {
	o := signing.Options{Salt: SessionSalt, Compress: true, MaxAge: maxAge}
	if s != nil {
		o.Key, o.FallbackKeys, o.Now = s.SecretKey, s.SecretKeyFallbacks, s.Now
	}
	return o
}

// decode verifies and decodes a session cookie.
func (c *sessionConfig) decode(cookie string, s *Settings, maxAge time.Duration) (map[string]any, error) {
	if c.maxSize > 0 && len(cookie) > c.maxSize {
		return nil, ErrSessionTooLarge
	}
	var raw json.RawMessage
	if err := signing.Loads(cookie, &raw, c.signingOptions(s, maxAge)); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var data map[string]any
	if err := dec.Decode(&data); err != nil {
		return nil, fmt.Errorf("%w: session data: %w", signing.ErrBadPayload, err)
	}
	if data == nil {
		return nil, fmt.Errorf("%w: session data is null", signing.ErrBadPayload)
	}
	return data, nil
}

// encode signs data as a session cookie value.
func (c *sessionConfig) encode(data map[string]any, s *Settings) (string, error) {
	v, err := signing.Dumps(data, c.signingOptions(s, 0))
	if err != nil {
		return "", fmt.Errorf("web: saving the session: %w", err)
	}
	if c.maxSize > 0 && len(v) > c.maxSize {
		return "", fmt.Errorf("%w: %d bytes, more than %d", ErrSessionTooLarge, len(v), c.maxSize)
	}
	return v, nil
}

// EncodeSession signs data the way Django's signed_cookies session backend
// does (signing.Dumps with SessionSalt, compressed, Settings.SecretKey and
// Settings.Now) and returns the cookie value; Django reads it back with
// SessionStore(session_key=value). A value longer than
// DefaultMaxSessionCookieSize is ErrSessionTooLarge; a value encoding/json
// cannot marshal, or an empty SecretKey (signing.ErrEmptyKey), is an error.
func EncodeSession(data map[string]any, s *Settings) (string, error) {
	if data == nil {
		data = map[string]any{}
	}
	return SessionOptions{}.config().encode(data, s)
}

// DecodeSession is the pure form of session loading: it verifies a session
// cookie value made by EncodeSession or by Django's signed_cookies backend
// with Settings.SecretKey or one of Settings.SecretKeyFallbacks, refuses it
// when its signature is older than maxAge (0: no age limit; Sessions uses
// SESSION_COOKIE_AGE), and returns the data, numbers as json.Number.
//
// Errors: ErrSessionTooLarge for a value longer than
// DefaultMaxSessionCookieSize; the signing package's errors (all
// signing.ErrBadSignature for a tampered value, signing.ErrSignatureExpired
// for an old one); signing.ErrBadPayload when the signed data is not a JSON
// object.
func DecodeSession(cookie string, s *Settings, maxAge time.Duration) (map[string]any, error) {
	return SessionOptions{}.config().decode(cookie, s, maxAge)
}

// Session is Django's request.session with the signed_cookies engine: a
// dictionary of JSON values kept, signed, in a cookie between requests
// (see Sessions). Values set in a request keep their Go types until the
// response; loaded from a cookie they are what encoding/json decodes, with
// numbers as json.Number so that integers stay exact. The typed getters
// (GetString, GetInt, GetBool, Decode) read either form.
//
// The session is loaded from its cookie the first time it is used, which
// marks it accessed (the response then varies on Cookie); changes mark it
// modified (the cookie is then re-sent). A cookie that is tampered with,
// signed with an unknown key or older than the cookie age loads as an empty
// session (see LoadError).
//
// The zero value is an empty session with no cookie. A Session is used by
// one goroutine at a time, like its Request.
type Session struct {
	data      map[string]any
	cookie    string // the request's cookie value
	hasCookie bool
	loaded    bool
	loadErr   error
	modified  bool
	accessed  bool
	cfg       *sessionConfig // nil: a free-standing session
	settings  *Settings
}

// load reads the cookie once.
func (s *Session) load() {
	if s.loaded {
		return
	}
	s.loaded = true
	if s.hasCookie && s.cfg != nil {
		s.data, s.loadErr = s.cfg.decode(s.cookie, s.settings, s.cfg.age)
	}
	if s.data == nil {
		s.data = map[string]any{}
	}
}

// use loads the session and marks it accessed.
func (s *Session) use() map[string]any {
	s.accessed = true
	s.load()
	return s.data
}

// Get returns the value stored under key: Django's session.get(key).
func (s *Session) Get(key string) (any, bool) {
	v, ok := s.use()[key]
	return v, ok
}

// GetString returns the string stored under key; ok is false when the key
// is missing or holds another type.
func (s *Session) GetString(key string) (v string, ok bool) {
	v, ok = s.use()[key].(string)
	return v, ok
}

// GetBool returns the boolean stored under key; ok is false when the key is
// missing or holds another type.
func (s *Session) GetBool(key string) (v bool, ok bool) {
	v, ok = s.use()[key].(bool)
	return v, ok
}

// GetInt returns the integer stored under key, as json.Number when loaded
// or as any Go integer (or integral float) when set in this request; ok is
// false when the key is missing or does not hold an integer that fits
// int64.
func (s *Session) GetInt(key string) (int64, bool) {
	switch v := s.use()[key].(type) {
	case json.Number:
		n, err := strconv.ParseInt(string(v), 10, 64)
		return n, err == nil
	case int:
		return int64(v), true
	case int8:
		return int64(v), true
	case int16:
		return int64(v), true
	case int32:
		return int64(v), true
	case int64:
		return v, true
	case uint:
		return int64(v), v <= math.MaxInt64
	case uint8:
		return int64(v), true
	case uint16:
		return int64(v), true
	case uint32:
		return int64(v), true
	case uint64:
		return int64(v), v <= math.MaxInt64
	case float64:
		if v == math.Trunc(v) && v >= math.MinInt64 && v < math.MaxInt64 {
			return int64(v), true
		}
	case float32:
		f := float64(v)
		if f == math.Trunc(f) && f >= math.MinInt64 && f < math.MaxInt64 {
			return int64(f), true
		}
	}
	return 0, false
}

// Decode stores the value under key into v, as encoding/json would
// unmarshal it (v is a pointer: a struct, a slice, a map ...). found is
// false, and v untouched, when the key is missing; err is the
// encoding/json error when the value does not fit v.
func (s *Session) Decode(key string, v any) (found bool, err error) {
	val, ok := s.use()[key]
	if !ok {
		return false, nil
	}
	b, err := json.Marshal(val)
	if err != nil {
		return true, err
	}
	return true, json.Unmarshal(b, v)
}

// Has reports whether key is stored: Django's `key in session`.
func (s *Session) Has(key string) bool {
	_, ok := s.use()[key]
	return ok
}

// Set stores value under key: Django's session[key] = value. The value
// must be something encoding/json can marshal; otherwise saving the session
// fails and the response becomes a 500.
func (s *Session) Set(key string, value any) {
	s.use()[key] = value
	s.modified = true
}

// Delete removes key: Django's session.pop(key, None). It reports whether
// the key was there; only then is the session modified.
func (s *Session) Delete(key string) bool {
	data := s.use()
	if _, ok := data[key]; !ok {
		return false
	}
	delete(data, key)
	s.modified = true
	return true
}

// Keys returns the stored keys, sorted.
func (s *Session) Keys() []string {
	return slices.Sorted(maps.Keys(s.use()))
}

// Len returns the number of stored keys.
func (s *Session) Len() int { return len(s.use()) }

// Clear removes every key: Django's session.clear(). The cookie is not
// read. A session left empty has its cookie deleted.
func (s *Session) Clear() {
	s.loaded = true
	s.data = map[string]any{}
	s.accessed = true
	s.modified = true
}

// Flush removes every key and deletes the cookie: Django's session.flush(),
// which logout calls. With signed cookies it is the same as Clear.
func (s *Session) Flush() { s.Clear() }

// CycleKey re-signs the session, with the same data and a fresh timestamp:
// Django's session.cycle_key(), which login calls against session
// fixation. With signed cookies the "key" is the signed data itself.
func (s *Session) CycleKey() {
	s.use()
	s.modified = true
}

// MarkModified marks the session modified, so that it is saved: Django's
// session.modified = True, needed after changing a value in place (a slice
// or map stored in the session).
func (s *Session) MarkModified() { s.modified = true }

// Modified reports whether the session was changed in this request.
func (s *Session) Modified() bool { return s.modified }

// Accessed reports whether the session was read or written in this
// request: Django's session.accessed.
func (s *Session) Accessed() bool { return s.accessed }

// LoadError returns why the request's session cookie did not load (a
// signing error such as signing.ErrBadSignature or
// signing.ErrSignatureExpired, ErrSessionTooLarge, ...), or nil. It loads
// the session. For logs: a session that failed to load is simply empty.
func (s *Session) LoadError() error {
	s.use()
	return s.loadErr
}

// SetExpiry sets this session's lifetime: Django's session.set_expiry. A
// positive d makes the cookie expire d (in whole seconds, at least one)
// after the response; 0 makes it expire when the browser closes; a
// negative d returns to the configured policy (Django's set_expiry(None)).
// The value is kept in the session under "_session_expiry", as Django
// does.
//
// As in Django (ticket #19201), loading still refuses a signature older
// than SessionOptions.CookieAge, so a longer expiry is cut to that.
func (s *Session) SetExpiry(d time.Duration) {
	switch {
	case d < 0:
		s.Delete(sessionExpiryKey)
	case d == 0:
		s.Set(sessionExpiryKey, 0)
	default:
		s.Set(sessionExpiryKey, max(int64((d+time.Second-1)/time.Second), 1))
	}
}

// ExpiryAge returns the cookie lifetime this session is saved with:
// Django's get_expiry_age. It is the custom expiry of SetExpiry, or else
// the configured cookie age.
func (s *Session) ExpiryAge() time.Duration {
	s.use()
	return s.expiryAge()
}

func (s *Session) expiryAge() time.Duration {
	if n, ok := s.expiry(); ok && n > 0 {
		return time.Duration(n) * time.Second
	}
	return s.config().age
}

// ExpireAtBrowserClose reports whether the cookie is saved without an
// expiry: Django's get_expire_at_browser_close.
func (s *Session) ExpireAtBrowserClose() bool {
	s.use()
	return s.expireAtBrowserClose()
}

func (s *Session) expireAtBrowserClose() bool {
	if n, ok := s.expiry(); ok {
		return n == 0
	}
	return s.config().browserEnd
}

// expiry returns the custom expiry in seconds, if one is set (a JSON null
// counts as none, as in Django).
func (s *Session) expiry() (int64, bool) {
	v, ok := s.data[sessionExpiryKey]
	if !ok || v == nil {
		return 0, false
	}
	accessed := s.accessed
	n, ok := s.GetInt(sessionExpiryKey)
	s.accessed = accessed
	return n, ok
}

func (s *Session) config() *sessionConfig {
	if s.cfg == nil {
		return SessionOptions{}.config()
	}
	return s.cfg
}

// Sessions returns middleware that gives every request a Session
// (Request.Session): Django's SessionMiddleware with the signed_cookies
// engine (SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies").
// The whole session lives in the cookie, signed with Settings.SecretKey
// (Settings.SecretKeyFallbacks are accepted when loading): cookies made by
// Django load here and the other way round. The data is visible to the
// client (signed, not encrypted): keep secrets out of it.
//
// After the view, as Django's process_response does:
//
//   - when the request sent a session cookie and the session is now empty
//     (Clear, Flush, or a cookie that failed to load), the cookie is
//     deleted;
//   - otherwise, when the session was modified (or on every request with
//     SaveEveryRequest) and holds data, the cookie is re-sent with the
//     configured attributes and, unless the session expires at browser
//     close, a Max-Age of the expiry age; not on a 5xx response, whose
//     changes are dropped (current Django; 3.2 skipped only 500);
//   - Vary: Cookie is added when the session was accessed or the cookie
//     deleted.
//
// Django keeps an empty cookie after clear() and re-issues one for a bad
// cookie; deleting it instead is equivalent, since an empty session and no
// session are the same.
//
// An error while saving (a value encoding/json cannot marshal, a cookie
// larger than MaxCookieSize, an empty SecretKey) replaces the response with
// that error, which becomes a 500.
func Sessions(o SessionOptions) Middleware {
	c := o.config()
	return func(next Handler) Handler {
		return func(r *Request) (Response, error) {
			if c.err != nil {
				return nil, c.err
			}
			sess := &Session{cfg: c, settings: r.Settings()}
			sess.cookie, sess.hasCookie = r.Cookies()[c.name]
			r.SetSession(sess)
			resp, err := next(r)
			if resp == nil {
				return resp, err
			}
			if s := r.Session(); s != nil {
				if err := c.process(r, s, resp.Base()); err != nil {
					return nil, err
				}
			}
			return resp, err
		}
	}
}

// process is Django's SessionMiddleware.process_response.
func (c *sessionConfig) process(r *Request, s *Session, b *BaseResponse) error {
	if c.saveEvery && s.hasCookie {
		s.load() // saving needs the data; this is not an access
	}
	empty := len(s.data) == 0 && (s.loaded || !s.hasCookie)
	if s.hasCookie && s.loaded && len(s.data) == 0 {
		PatchVaryHeaders(b.Header(), "Cookie")
		return b.DeleteCookie(c.name, DeleteCookieOptions{Path: c.path, Domain: c.domain, SameSite: c.sameSite})
	}
	if s.accessed {
		PatchVaryHeaders(b.Header(), "Cookie")
	}
	if !(s.modified || c.saveEvery) || empty || b.Status() >= http.StatusInternalServerError {
		return nil
	}
	value, err := c.encode(s.data, r.Settings())
	if err != nil {
		return err
	}
	opts := c.cookieOptions(r.Settings().now())
	if !s.expireAtBrowserClose() {
		opts.MaxAge = s.expiryAge()
		opts.MaxAgeSet = true
	}
	return b.SetCookie(c.name, value, opts)
}
