package web

import (
	"net"
	"strconv"
	"strings"
)

// Meta is Django's HttpRequest.META, built on first use from the request
// the way a WSGI server builds its environ (PEP 3333):
//
//   - HTTP_<NAME> for each header, the name upper-cased with "-" as "_"
//     (HTTP_HOST from http.Request.Host; repeated headers joined with ",",
//     HTTP_COOKIE with "; "); CONTENT_TYPE and CONTENT_LENGTH without the
//     prefix. Headers whose names contain "_" are left out (see Headers).
//   - REQUEST_METHOD, QUERY_STRING (raw), PATH_INFO and SCRIPT_NAME (see
//     PathInfo and ScriptName), SERVER_NAME and SERVER_PORT (see ServerName
//     and ServerPort), SERVER_PROTOCOL ("HTTP/1.1"), REMOTE_ADDR and
//     REMOTE_PORT (from http.Request.RemoteAddr), and wsgi.url_scheme (the
//     connection's scheme, before any proxy header).
//
// The map is the request's own and is cached: changes made to it are seen
// by later Meta calls but by nothing else (Host, Headers and the rest read
// the *http.Request).
func (r *Request) Meta() map[string]string {
	if r.info.done&doneMeta != 0 {
		return r.info.meta
	}
	r.info.done |= doneMeta
	req := r.req
	m := make(map[string]string, len(req.Header)+12)
	for k, v := range req.Header {
		if !headerVisible(k) {
			continue
		}
		var val string
		switch {
		case len(v) == 1:
			val = v[0]
		case k == "Cookie":
			val = strings.Join(v, "; ")
		default:
			val = strings.Join(v, ",")
		}
		switch k {
		case "Content-Type":
			m["CONTENT_TYPE"] = val
		case "Content-Length":
			m["CONTENT_LENGTH"] = val
		default:
			m["HTTP_"+metaName(k)] = val
		}
	}
	if req.Host != "" {
		m["HTTP_HOST"] = req.Host
	}
	if _, ok := m["CONTENT_LENGTH"]; !ok && req.ContentLength > 0 {
		m["CONTENT_LENGTH"] = strconv.FormatInt(req.ContentLength, 10)
	}
	m["REQUEST_METHOD"] = r.Method()
	if req.URL != nil {
		m["QUERY_STRING"] = req.URL.RawQuery
	} else {
		m["QUERY_STRING"] = ""
	}
	m["PATH_INFO"] = r.PathInfo()
	m["SCRIPT_NAME"] = r.ScriptName()
	m["SERVER_NAME"] = r.ServerName()
	m["SERVER_PORT"] = r.ServerPort()
	m["SERVER_PROTOCOL"] = req.Proto
	if req.RemoteAddr != "" {
		if host, port, err := net.SplitHostPort(req.RemoteAddr); err == nil {
			m["REMOTE_ADDR"], m["REMOTE_PORT"] = host, port
		} else {
			m["REMOTE_ADDR"] = req.RemoteAddr
		}
	}
	m["wsgi.url_scheme"] = r.connScheme()
	r.info.meta = m
	return m
}

// metaName turns a header name into its META form: upper case, "-" as "_".
func metaName(name string) string {
	b := make([]byte, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case c == '-':
			c = '_'
		}
		b[i] = c
	}
	return string(b)
}
