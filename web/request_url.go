package web

import "strings"

// The request's paths and URIs: Django's HttpRequest.path, path_info,
// get_full_path, get_full_path_info and build_absolute_uri.

// PathInfo is Django's HttpRequest.path_info: the decoded URL path with the
// mount prefix removed. When Settings.ScriptName is set and the path starts
// with it (the handler is mounted without http.StripPrefix), the prefix is
// stripped; a path that does not start with it is taken as already
// stripped. Bytes that are not UTF-8 are percent-encoded back, as Django's
// repercent_broken_unicode does, and an empty path is "/".
func (r *Request) PathInfo() string {
	r.paths()
	return r.info.pathInfo
}

// Path is Django's HttpRequest.path: ScriptName (without its trailing
// slashes) followed by PathInfo, e.g. "/api/users/" for the script name
// "/api" and the path info "/users/".
func (r *Request) Path() string {
	r.paths()
	return r.info.path
}

// ScriptName is Django's SCRIPT_NAME: Settings.ScriptName, the prefix the
// handler is mounted under ("" at the root).
func (r *Request) ScriptName() string { return r.settings.ScriptName }

func (r *Request) paths() {
	if r.info.done&donePath != 0 {
		return
	}
	r.info.done |= donePath
	p := ""
	if r.req.URL != nil {
		p = r.req.URL.Path
	}
	script := strings.TrimRight(r.settings.ScriptName, "/")
	if script != "" {
		if rest, ok := strings.CutPrefix(p, script); ok && (rest == "" || rest[0] == '/') {
			p = rest
		}
	}
	p = repercentBrokenUTF8(p)
	if p == "" {
		p = "/"
	}
	r.info.pathInfo = p
	// Django: "%s/%s" % (script_name.rstrip("/"), path_info.replace("/", "", 1))
	if script == "" && p[0] == '/' {
		r.info.path = p
		return
	}
	if i := strings.IndexByte(p, '/'); i >= 0 {
		p = p[:i] + p[i+1:]
	}
	r.info.path = script + "/" + p
}

// FullPath is Django's HttpRequest.get_full_path: Path percent-escaped as
// Django's escape_uri_path does (everything but letters, digits and
// "/:@&+$,-_.!~*'()" is escaped, so ";", "=", "?", "#", "%", space and
// non-ASCII are), then "/" when forceAppendSlash is set and the path does not
// end with one, then "?" and the raw query string IRI-to-URI encoded
// (Django's iri_to_uri: non-ASCII, space and control characters escaped,
// "%" kept) when there is a query string.
//
// Path "/café x/;p?" with query "q=☃ &r=%20" gives
// "/caf%C3%A9%20x/%3Bp%3F?q=%E2%98%83%20&r=%20".
func (r *Request) FullPath(forceAppendSlash bool) string {
	return r.fullPath(r.Path(), forceAppendSlash)
}

// FullPathInfo is Django's HttpRequest.get_full_path_info: FullPath built
// from PathInfo instead of Path.
func (r *Request) FullPathInfo(forceAppendSlash bool) string {
	return r.fullPath(r.PathInfo(), forceAppendSlash)
}

func (r *Request) fullPath(path string, forceAppendSlash bool) string {
	s := EscapeURIPath(path)
	if forceAppendSlash && !strings.HasSuffix(path, "/") {
		s += "/"
	}
	if r.req.URL != nil && r.req.URL.RawQuery != "" {
		s += "?" + IRIToURI(r.req.URL.RawQuery)
	}
	return s
}

// AbsoluteURI is Django's HttpRequest.build_absolute_uri: the absolute URI
// of location, resolved against the request.
//
// An empty location stands for Django's None: the request's own URI,
// Scheme://Host + FullPath (query string included), e.g.
// "http://example.com/a/b/?x=1". (Django's build_absolute_uri("") is the
// request's path without the query string; pass "?" for it.)
//
// A location with both a scheme and a host is returned as is (only
// IRI-to-URI encoded), so "https://other.com/x" and "mailto:a@b.com" pass
// through. An absolute path without "/./" or "/../" segments is appended to
// Scheme://Host ("/foo/" gives "http://example.com/foo/"); anything else is
// resolved against Scheme://Host + Path the way Python's urljoin (RFC 3986
// §5.2) does: "foo/", "../foo", "?page=2", "#frag", "//other.com/x". The
// result is always IRI-to-URI encoded (Django's iri_to_uri), so it never
// contains spaces, CR or LF.
//
// The error is Host's (a *HostError) when the location needs the request's
// host and the host is not allowed. Python's ValueError for a location with
// unbalanced IPv6 brackets is not reproduced: such a location is resolved as
// text.
func (r *Request) AbsoluteURI(location string) (string, error) {
	if location == "" {
		location = "//" + r.FullPath(false)
	}
	scheme, netloc, path, _, _ := absSplit(location)
	if scheme == "" || netloc == "" {
		host, err := r.Host()
		if err != nil {
			return "", err
		}
		schemeHost := r.Scheme() + "://" + host
		if netloc == "" && scheme == "" && strings.HasPrefix(path, "/") &&
			!strings.Contains(path, "/./") && !strings.Contains(path, "/../") {
			location = schemeHost + strings.TrimPrefix(location, "//")
		} else {
			location = absJoin(schemeHost+r.Path(), location)
		}
	}
	return IRIToURI(location), nil
}

// absSplit is Python 3.11's urllib.parse.urlsplit (without its ValueError
// checks): leading C0 controls and spaces are dropped and tabs, CRs and LFs
// removed before the URL is split into scheme (lower-cased), netloc, path,
// query and fragment.
func absSplit(url string) (scheme, netloc, path, query, fragment string) {
	url = strings.TrimLeft(url, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f"+
		"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	if strings.ContainsAny(url, "\t\r\n") {
		url = strings.NewReplacer("\t", "", "\r", "", "\n", "").Replace(url)
	}
	if i := strings.IndexByte(url, ':'); i > 0 && isASCIILetter(url[0]) {
		ok := true
		for j := 0; j < i; j++ {
			c := url[j]
			if !isASCIILetter(c) && !('0' <= c && c <= '9') && c != '+' && c != '-' && c != '.' {
				ok = false
				break
			}
		}
		if ok {
			scheme, url = hostLowerASCII(url[:i]), url[i+1:]
		}
	}
	if strings.HasPrefix(url, "//") {
		rest := url[2:]
		j := strings.IndexAny(rest, "/?#")
		if j < 0 {
			j = len(rest)
		}
		netloc, url = rest[:j], rest[j:]
	}
	if i := strings.IndexByte(url, '#'); i >= 0 {
		url, fragment = url[:i], url[i+1:]
	}
	if i := strings.IndexByte(url, '?'); i >= 0 {
		url, query = url[:i], url[i+1:]
	}
	return scheme, netloc, url, query, fragment
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// absParts is Python's urlparse result.
type absParts struct {
	scheme, netloc, path, params, query, fragment string
}

// absParse is Python's urlparse(url, defaultScheme): urlsplit, then the
// ";params" of the last path segment split off for the schemes that use
// them.
func absParse(url, defaultScheme string) absParts {
	var p absParts
	p.scheme, p.netloc, p.path, p.query, p.fragment = absSplit(url)
	if p.scheme == "" {
		p.scheme = defaultScheme
	}
	if absUsesParams(p.scheme) && strings.IndexByte(p.path, ';') >= 0 {
		i := -1
		if slash := strings.LastIndexByte(p.path, '/'); slash >= 0 {
			if j := strings.IndexByte(p.path[slash:], ';'); j >= 0 {
				i = slash + j
			}
		} else {
			i = strings.IndexByte(p.path, ';')
		}
		if i >= 0 {
			p.path, p.params = p.path[:i], p.path[i+1:]
		}
	}
	return p
}

// absUsesParams is Python's urllib.parse.uses_params.
func absUsesParams(scheme string) bool {
	switch scheme {
	case "", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtspu",
		"sip", "sips", "mms", "sftp", "tel":
		return true
	}
	return false
}

// absUnparse is Python 3.11's urlunparse for the schemes that use a netloc
// (absJoin only builds http and https URLs).
func absUnparse(p absParts) string {
	url := p.path
	if p.params != "" {
		url += ";" + p.params
	}
	if p.netloc != "" || (p.scheme != "" && !strings.HasPrefix(url, "//")) {
		if url != "" && url[0] != '/' {
			url = "/" + url
		}
		url = "//" + p.netloc + url
	}
	if p.scheme != "" {
		url = p.scheme + ":" + url
	}
	if p.query != "" {
		url += "?" + p.query
	}
	if p.fragment != "" {
		url += "#" + p.fragment
	}
	return url
}

// absJoin is Python 3.11's urljoin(base, ref) (RFC 3986 §5.2) for an http
// or https base.
func absJoin(base, ref string) string {
	if ref == "" {
		return base
	}
	b := absParse(base, "")
	u := absParse(ref, b.scheme)
	if u.scheme != b.scheme {
		return ref
	}
	if u.netloc != "" {
		return absUnparse(u)
	}
	u.netloc = b.netloc
	if u.path == "" && u.params == "" {
		u.path, u.params = b.path, b.params
		if u.query == "" {
			u.query = b.query
		}
		return absUnparse(u)
	}
	baseParts := strings.Split(b.path, "/")
	if baseParts[len(baseParts)-1] != "" {
		// The last base segment is not a directory.
		baseParts = baseParts[:len(baseParts)-1]
	}
	var segments []string
	if strings.HasPrefix(u.path, "/") {
		segments = strings.Split(u.path, "/")
	} else {
		segments = append(baseParts, strings.Split(u.path, "/")...)
		if len(segments) > 2 {
			// Drop empty middle segments, which would double slashes.
			kept := segments[:1]
			for _, s := range segments[1 : len(segments)-1] {
				if s != "" {
					kept = append(kept, s)
				}
			}
			segments = append(kept, segments[len(segments)-1])
		}
	}
	resolved := make([]string, 0, len(segments))
	for _, s := range segments {
		switch s {
		case "..":
			if len(resolved) > 0 {
				resolved = resolved[:len(resolved)-1]
			}
		case ".":
		default:
			resolved = append(resolved, s)
		}
	}
	if last := segments[len(segments)-1]; last == "." || last == ".." {
		resolved = append(resolved, "")
	}
	u.path = strings.Join(resolved, "/")
	if u.path == "" {
		u.path = "/"
	}
	return absUnparse(u)
}
