package web

// Cookie is one cookie a response sets: the Python Morsel that Django's
// set_cookie fills. Attribute fields hold the text written on the wire;
// an empty field is not written.
type Cookie struct {
	Name     string
	Value    string
	Expires  string // the expires attribute, an HTTP date or caller text
	MaxAge   string // the Max-Age attribute, whole seconds
	Path     string
	Domain   string
	Secure   bool
	HTTPOnly bool
	SameSite string // "Lax", "None" or "Strict" as the caller spelled it
}

// String returns the Set-Cookie header value.
func (c *Cookie) String() string {
	s := c.Name + "=" + c.Value
	if c.Domain != "" {
		s += "; Domain=" + c.Domain
	}
	if c.Expires != "" {
		s += "; expires=" + c.Expires
	}
	if c.HTTPOnly {
		s += "; HttpOnly"
	}
	if c.MaxAge != "" {
		s += "; Max-Age=" + c.MaxAge
	}
	if c.Path != "" {
		s += "; Path=" + c.Path
	}
	if c.SameSite != "" {
		s += "; SameSite=" + c.SameSite
	}
	if c.Secure {
		s += "; Secure"
	}
	return s
}
