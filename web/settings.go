package web

import "time"

// Default limits, Django's defaults for the settings of the same names.
const (
	// DefaultMaxMemorySize is DATA_UPLOAD_MAX_MEMORY_SIZE: 2.5 MiB.
	DefaultMaxMemorySize int64 = 2621440
	// DefaultMaxNumberFields is DATA_UPLOAD_MAX_NUMBER_FIELDS.
	DefaultMaxNumberFields = 1000
	// DefaultMaxNumberFiles is DATA_UPLOAD_MAX_NUMBER_FILES.
	DefaultMaxNumberFiles = 100
	// DefaultFileMaxMemorySize is FILE_UPLOAD_MAX_MEMORY_SIZE: uploaded files
	// larger than this are spooled to a temporary file.
	DefaultFileMaxMemorySize int64 = 2621440
	// DefaultCharset is DEFAULT_CHARSET.
	DefaultCharset = "utf-8"
)

// SignedCookieScheme selects how a signed cookie's salt is derived from its
// name and the caller's salt (spec §22.7).
type SignedCookieScheme int

const (
	// SignedCookieV2 is the scheme of Django 5.2.15+ and 6.x: the signer's salt
	// is "django.http.cookies.v2:" + len(salt) + ":" + salt + name.
	// It is the default.
	SignedCookieV2 SignedCookieScheme = iota
	// SignedCookieLegacy is the scheme of Django up to 5.2.14 (and of the 3.2
	// conformance vectors): the signer's salt is name + salt.
	SignedCookieLegacy
)

// ProxyHeader names a request header set by a trusted proxy and the value that
// means the original request was made over HTTPS: Django's
// SECURE_PROXY_SSL_HEADER, e.g. {Name: "X-Forwarded-Proto", Value: "https"}.
// Name may also be spelled as Django's META key ("HTTP_X_FORWARDED_PROTO").
// Only the part of the header before the first comma is compared, as in
// current Django.
type ProxyHeader struct {
	Name  string
	Value string
}

// Settings are the Django settings the web layer reads. The zero value is
// valid: every field documents its default, and numeric limits use the
// default when zero and no limit when negative. Settings are read-only once a
// handler is serving; share one value between handlers.
type Settings struct {
	// AllowedHosts is ALLOWED_HOSTS: exact host names, ".example.com" for a
	// domain and its subdomains, and "*" for any host. Empty allows nothing,
	// except when Debug is on, where it means
	// [".localhost", "127.0.0.1", "[::1]"].
	AllowedHosts []string

	// Debug is DEBUG. When on, error responses may show internals.
	// Default false.
	Debug bool

	// SecretKey is SECRET_KEY, used for signed cookies and sessions.
	SecretKey string
	// SecretKeyFallbacks is SECRET_KEY_FALLBACKS: older keys still accepted
	// when verifying signatures (key rotation). New signatures always use
	// SecretKey.
	SecretKeyFallbacks []string

	// MaxMemorySize is DATA_UPLOAD_MAX_MEMORY_SIZE: the largest request body,
	// in bytes, read into memory (file parts of multipart bodies excluded).
	// 0 means DefaultMaxMemorySize; negative means no limit.
	MaxMemorySize int64
	// MaxNumberFields is DATA_UPLOAD_MAX_NUMBER_FIELDS: the most fields in a
	// query string, urlencoded or multipart body. 0 means
	// DefaultMaxNumberFields; negative means no limit.
	MaxNumberFields int
	// MaxNumberFiles is DATA_UPLOAD_MAX_NUMBER_FILES: the most files in a
	// multipart body. 0 means DefaultMaxNumberFiles; negative means no limit.
	MaxNumberFiles int
	// FileMaxMemorySize is FILE_UPLOAD_MAX_MEMORY_SIZE: uploaded files stay
	// in memory while the files of the request total at most this many
	// bytes; the file that would go over, and every later one, is spooled to
	// a temporary file (removed when the request is closed). Django decides
	// on the whole request's Content-Length instead. 0 means
	// DefaultFileMaxMemorySize.
	FileMaxMemorySize int64

	// UseXForwardedHost is USE_X_FORWARDED_HOST: trust X-Forwarded-Host for
	// Request.Host. Default false; enable only behind a proxy that sets it.
	UseXForwardedHost bool
	// UseXForwardedPort is USE_X_FORWARDED_PORT: trust X-Forwarded-Port for
	// Request.Port. Default false.
	UseXForwardedPort bool
	// SecureProxySSLHeader is SECURE_PROXY_SSL_HEADER. Nil (the default)
	// trusts no header: the scheme is the connection's.
	SecureProxySSLHeader *ProxyHeader

	// ScriptName is FORCE_SCRIPT_NAME: the prefix under which the handler is
	// mounted. Request.Path includes it, Request.PathInfo does not.
	// Default "" (mounted at the root).
	ScriptName string

	// DefaultCharset is DEFAULT_CHARSET. Default "utf-8".
	DefaultCharset string

	// SignedCookieScheme is the salt scheme used to write signed cookies.
	// Default SignedCookieV2.
	SignedCookieScheme SignedCookieScheme
	// AcceptLegacySignedCookies also accepts cookies signed with the legacy
	// scheme when reading (for a migration from older Django). Default false.
	AcceptLegacySignedCookies bool

	// Now returns the current time; nil means time.Now. Tests and the
	// conformance app freeze it.
	Now func() time.Time
}

func (s *Settings) maxMemorySize() int64 {
	switch {
	case s == nil || s.MaxMemorySize == 0:
		return DefaultMaxMemorySize
	case s.MaxMemorySize < 0:
		return -1
	}
	return s.MaxMemorySize
}

func (s *Settings) maxNumberFields() int {
	switch {
	case s == nil || s.MaxNumberFields == 0:
		return DefaultMaxNumberFields
	case s.MaxNumberFields < 0:
		return -1
	}
	return s.MaxNumberFields
}

func (s *Settings) maxNumberFiles() int {
	switch {
	case s == nil || s.MaxNumberFiles == 0:
		return DefaultMaxNumberFiles
	case s.MaxNumberFiles < 0:
		return -1
	}
	return s.MaxNumberFiles
}

func (s *Settings) fileMaxMemorySize() int64 {
	if s == nil || s.FileMaxMemorySize <= 0 {
		return DefaultFileMaxMemorySize
	}
	return s.FileMaxMemorySize
}

func (s *Settings) charset() string {
	if s == nil || s.DefaultCharset == "" {
		return DefaultCharset
	}
	return s.DefaultCharset
}

func (s *Settings) now() time.Time {
	if s == nil || s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

// allowedHosts returns the effective allow-list (Django's rule for DEBUG
// with an empty ALLOWED_HOSTS).
func (s *Settings) allowedHosts() []string {
	if s == nil {
		return nil
	}
	if s.Debug && len(s.AllowedHosts) == 0 {
		return debugAllowedHosts
	}
	return s.AllowedHosts
}

var debugAllowedHosts = []string{".localhost", "127.0.0.1", "[::1]"}
