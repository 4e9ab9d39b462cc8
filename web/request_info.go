package web

// infoState caches what Request computes from the request line and headers.
// Each field is valid once its bit is set in done.
type infoState struct {
	done infoBits

	host    string // Host: the validated raw host
	hostErr error  // Host: the *HostError, if any

	serverName string // ServerName
	serverPort string // ServerPort

	pathInfo string // PathInfo
	path     string // Path

	meta       map[string]string // Meta
	cookies    map[string]string // Cookies
	cookiesErr error             // Cookies: ParseCookie's limit error

	accept acceptState // AcceptedTypes and friends
}

// infoBits records which infoState fields are computed.
type infoBits uint16

const (
	doneHost infoBits = 1 << iota
	doneServer
	donePath
	doneMeta
	doneCookies
	doneAccept
)
