package signing_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/restframe/restframe/signing"
)

// djangoScript runs signing operations with the installed Django. It reads
// {"ops": [...]} on stdin and prints {"version": ..., "results": [...]}, one
// result per op: {"ok": value} or {"error": exception name, "message": str}.
const djangoScript = `
import sys, json, time, inspect
import django
from django.conf import settings
settings.configure(SECRET_KEY="interop-secret", DEFAULT_CHARSET="utf-8")
django.setup()
from django.core import signing
from django.http import HttpRequest, HttpResponse

has_fallbacks = "fallback_keys" in inspect.signature(signing.Signer.__init__).parameters

def signer(cls, op):
    kw = {"key": op["key"], "salt": op.get("salt") or None}
    if op.get("sep"):
        kw["sep"] = op["sep"]
    if op.get("algorithm"):
        kw["algorithm"] = op["algorithm"]
    if op.get("fallbacks") is not None:
        kw["fallback_keys"] = op["fallbacks"]
    return cls(**kw)

def run(op):
    if "now" in op:
        now = op["now"]
        time.time = lambda: now
    kind = op["op"]
    if kind == "sign":
        return signer(signing.Signer, op).sign(op["value"])
    if kind == "unsign":
        return signer(signing.Signer, op).unsign(op["value"])
    if kind == "ts_sign":
        return signer(signing.TimestampSigner, op).sign(op["value"])
    if kind == "ts_unsign":
        return signer(signing.TimestampSigner, op).unsign(op["value"], max_age=op.get("max_age"))
    if kind == "dumps":
        return signing.dumps(op["obj"], key=op["key"], salt=op.get("salt") or "django.core.signing", compress=op["compress"])
    if kind == "loads":
        return signing.loads(op["value"], key=op["key"], salt=op.get("salt") or "django.core.signing", max_age=op.get("max_age"))
    if kind == "cookie_set":
        settings.SECRET_KEY = op["secret"]
        r = HttpResponse()
        r.set_signed_cookie(op["name"], op["value"], salt=op["salt"])
        return r.cookies[op["name"]].value
    if kind == "cookie_get":
        settings.SECRET_KEY = op["secret"]
        req = HttpRequest()
        req.COOKIES[op["name"]] = op["value"]
        return req.get_signed_cookie(op["name"], salt=op["salt"], max_age=op.get("max_age"))
    raise ValueError("unknown op " + kind)

ops = json.load(sys.stdin)["ops"]
results = []
for op in ops:
    try:
        results.append({"ok": run(op)})
    except Exception as e:
        results.append({"error": type(e).__name__, "message": str(e)})
print(json.dumps({"version": list(django.VERSION[:3]), "fallbacks": has_fallbacks, "results": results}))
`

// pyOp is one operation for djangoScript.
type pyOp map[string]any

type pyResult struct {
	OK      json.RawMessage `json:"ok"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
}

func (r pyResult) str(t *testing.T) string {
	t.Helper()
	var s string
	if r.Error != "" || json.Unmarshal(r.OK, &s) != nil {
		t.Fatalf("python: %s %s %s", r.OK, r.Error, r.Message)
	}
	return s
}

type djangoRun struct {
	Version   []int      `json:"version"`
	Fallbacks bool       `json:"fallbacks"`
	Results   []pyResult `json:"results"`
}

func runDjango(t *testing.T, ops []pyOp) djangoRun {
	t.Helper()
	in, err := json.Marshal(map[string]any{"ops": ops})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("/usr/bin/python3", "-c", djangoScript)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	var run djangoRun
	if err := json.Unmarshal(out, &run); err != nil || len(run.Results) != len(ops) {
		t.Fatalf("python3 output %q: %v", out, err)
	}
	return run
}

func requireDjango(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping Django interop in -short mode")
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import django").Run(); err != nil {
		t.Skip("skipping: /usr/bin/python3 cannot import django (apt-get install python3-django): ", err)
	}
}

// interopSigners are the Signer configurations exchanged with Django.
var interopSigners = []signing.Signer{
	{Key: "interop-key"},
	{Key: "interop-key", Salt: "purpose"},
	{Key: "interop-key", Sep: "/"},
	{Key: "interop-key", Sep: "~!"},
	{Key: "k\u00e9y ☃", Algorithm: "sha1"},
	{Key: "interop-key", Algorithm: "sha224"},
	{Key: "interop-key", Algorithm: "sha384"},
	{Key: "interop-key", Algorithm: "sha512", Salt: "s\u00e1lt"},
}

var interopValues = []string{"hello", "", "a:b:c", "café ☃ 😀", "with space", "x/y~!z", strings.Repeat("long ", 200)}

// interopObjects are JSON values for dumps/loads; key order is kept by
// json.RawMessage on the Go side and by json.load on the Python side.
var interopObjects = []string{
	`"hello"`, `""`, `null`, `true`, `[]`, `{}`, `12345678901234`, `-7`, `1.5`,
	`{"a":[1,"b"]}`,
	`{"z":1,"a":2,"m":[{"y":null,"b":false}]}`,
	`"café ☃ 😀 \u007f \u0000 \b\f\n\r\t \"\\ / < > & \u2028 \u001f"`,
	`{"user":42,"items":["alpha","beta","gamma","alpha","beta","gamma","alpha","beta","gamma"]}`,
	`"` + strings.Repeat("abcdefgh", 2000) + `"`,
	`[` + strings.TrimSuffix(strings.Repeat(`{"id":1,"name":"user","tags":["a","b"]},`, 300), ",") + `]`,
}

var interopCookies = []struct{ name, salt, value string }{
	{"c", "", "hello"},
	{"session", "pepper", "42"},
	{"u", "", "café ☃"},
	{"e", "s", ""},
	{"x", "é", "a:b"},
}

// TestDjangoInterop signs with Go and verifies with Django, and the other way
// round, for Signer, TimestampSigner, dumps/loads (with and without
// compression) and signed cookies. Deterministic outputs must also be equal
// byte for byte.
func TestDjangoInterop(t *testing.T) {
	requireDjango(t)
	now := float64(t0.Unix())
	type check struct {
		name string
		f    func(t *testing.T, r pyResult)
	}
	var ops []pyOp
	var checks []check
	add := func(op pyOp, name string, f func(t *testing.T, r pyResult)) {
		ops = append(ops, op)
		checks = append(checks, check{name, f})
	}
	signerOp := func(kind string, s signing.Signer, value string) pyOp {
		return pyOp{"op": kind, "key": s.Key, "salt": s.Salt, "sep": s.Sep, "algorithm": s.Algorithm, "value": value, "now": now}
	}

	for i, s := range interopSigners {
		for _, v := range interopValues {
			s, v := s, v
			name := "signer" + string(rune('0'+i)) + "/" + v[:min(len(v), 12)]
			goSigned := s.Sign(v)
			add(signerOp("unsign", s, goSigned), name+"/go->py", func(t *testing.T, r pyResult) {
				if got := r.str(t); got != v {
					t.Errorf("Django unsign(%q) = %q; want %q", goSigned, got, v)
				}
			})
			add(signerOp("sign", s, v), name+"/py->go", func(t *testing.T, r pyResult) {
				pySigned := r.str(t)
				if pySigned != goSigned {
					t.Errorf("Django sign(%q) = %q; Go Sign = %q", v, pySigned, goSigned)
				}
				if got, err := s.Unsign(pySigned); err != nil || got != v {
					t.Errorf("Unsign(%q) = %q, %v; want %q", pySigned, got, err, v)
				}
			})
			ts := &signing.TimestampSigner{Signer: s, Now: clock(t0)}
			tsSigned := ts.Sign(v)
			add(signerOp("ts_unsign", s, tsSigned), name+"/ts go->py", func(t *testing.T, r pyResult) {
				if got := r.str(t); got != v {
					t.Errorf("Django TimestampSigner.unsign(%q) = %q; want %q", tsSigned, got, v)
				}
			})
			add(signerOp("ts_sign", s, v), name+"/ts py->go", func(t *testing.T, r pyResult) {
				pySigned := r.str(t)
				if pySigned != tsSigned {
					t.Errorf("Django TimestampSigner.sign(%q) = %q; Go = %q", v, pySigned, tsSigned)
				}
				if got, err := ts.UnsignMaxAge(pySigned, time.Second); err != nil || got != v {
					t.Errorf("UnsignMaxAge(%q) = %q, %v; want %q", pySigned, got, err, v)
				}
			})
		}
	}

	// Expiry both ways: age 10 with max_age 10 is valid, 11 is expired.
	ts := &signing.TimestampSigner{Signer: signing.Signer{Key: "interop-key"}, Now: clock(t0)}
	tsSigned := ts.Sign("v")
	for _, c := range []struct {
		elapsed float64
		expired bool
	}{{10, false}, {11, true}} {
		c := c
		add(pyOp{"op": "ts_unsign", "key": "interop-key", "value": tsSigned, "now": now + c.elapsed, "max_age": 10}, "expiry go->py", func(t *testing.T, r pyResult) {
			if (r.Error == "SignatureExpired") != c.expired || (!c.expired && r.Error != "") {
				t.Errorf("Django unsign at +%vs = %s %s; want expired=%v", c.elapsed, r.OK, r.Error, c.expired)
			}
		})
		late := &signing.TimestampSigner{Signer: signing.Signer{Key: "interop-key"}, Now: clock(t0.Add(time.Duration(c.elapsed) * time.Second))}
		if _, err := late.UnsignMaxAge(tsSigned, 10*time.Second); errors.Is(err, signing.ErrSignatureExpired) != c.expired {
			t.Errorf("UnsignMaxAge at +%vs = %v; want expired=%v", c.elapsed, err, c.expired)
		}
	}

	for _, obj := range interopObjects {
		for _, compress := range []bool{false, true} {
			for _, salt := range []string{"", "sessions"} {
				obj, compress, salt := obj, compress, salt
				name := "dumps/" + obj[:min(len(obj), 16)]
				o := signing.Options{Key: "interop-key", Salt: salt, Compress: compress, Now: clock(t0)}
				goDumped, err := signing.Dumps(json.RawMessage(obj), o)
				if err != nil {
					t.Fatalf("Dumps(%s) = %v", obj, err)
				}
				if len(goDumped) > signing.MaxSignedLength {
					continue
				}
				var want any
				json.Unmarshal([]byte(obj), &want)
				add(pyOp{"op": "loads", "key": "interop-key", "salt": salt, "value": goDumped, "now": now}, name+"/go->py", func(t *testing.T, r pyResult) {
					var got any
					if r.Error != "" || json.Unmarshal(r.OK, &got) != nil || !reflect.DeepEqual(got, want) {
						t.Errorf("Django loads(%q) = %s %s %s; want %s", goDumped, r.OK, r.Error, r.Message, obj)
					}
				})
				add(pyOp{"op": "dumps", "key": "interop-key", "salt": salt, "obj": json.RawMessage(obj), "compress": compress, "now": now}, name+"/py->go", func(t *testing.T, r pyResult) {
					pyDumped := r.str(t)
					if pyDumped != goDumped {
						t.Errorf("Django dumps(%s, compress=%v) = %q; Go Dumps = %q", obj, compress, pyDumped, goDumped)
					}
					var got any
					if err := signing.Loads(pyDumped, &got, signing.Options{Key: "interop-key", Salt: salt}); err != nil || !reflect.DeepEqual(got, want) {
						t.Errorf("Loads(%q) = %v, %v; want %s", pyDumped, got, err, obj)
					}
				})
			}
		}
	}

	// Cookies through Django's real set_signed_cookie / get_signed_cookie.
	// The scheme (legacy for 3.2, v2 for 5.2.15+) is found from Django's
	// first answer below.
	for _, c := range interopCookies {
		add(pyOp{"op": "cookie_set", "secret": "cookie-secret", "name": c.name, "salt": c.salt, "value": c.value, "now": now}, "cookie_set/"+c.name, nil)
	}
	run := runDjango(t, ops)
	t.Logf("Django %v, fallback_keys supported: %v", run.Version, run.Fallbacks)
	for i, c := range checks {
		if c.f != nil {
			t.Run(c.name, func(t *testing.T) { c.f(t, run.Results[i]) })
		}
	}

	// Second round: cookies in the detected scheme, both directions.
	first := run.Results[len(ops)-len(interopCookies)]
	c0 := interopCookies[0]
	legacySigner := signing.CookieSigner("cookie-secret", nil, c0.name, c0.salt, true)
	legacySigner.Now = clock(t0)
	legacy := first.str(t) == legacySigner.Sign(c0.value)
	t.Logf("Django signed cookies use the legacy salt: %v", legacy)
	ops, checks = nil, nil
	for i, c := range interopCookies {
		c := c
		s := signing.CookieSigner("cookie-secret", nil, c.name, c.salt, legacy)
		s.Now = clock(t0)
		goSigned := s.Sign(c.value)
		pySigned := run.Results[len(run.Results)-len(interopCookies)+i].str(t)
		if pySigned != goSigned {
			t.Errorf("Django set_signed_cookie(%q, %q, salt=%q) = %q; Go = %q", c.name, c.value, c.salt, pySigned, goSigned)
		}
		if got, err := signing.UnsignCookie("cookie-secret", nil, c.name, c.salt, pySigned, time.Minute, legacy, clock(t0)); err != nil || got != c.value {
			t.Errorf("UnsignCookie(%q) = %q, %v; want %q", pySigned, got, err, c.value)
		}
		add(pyOp{"op": "cookie_get", "secret": "cookie-secret", "name": c.name, "salt": c.salt, "value": goSigned, "now": now + 60, "max_age": 60}, "cookie_get/"+c.name, func(t *testing.T, r pyResult) {
			if got := r.str(t); got != c.value {
				t.Errorf("Django get_signed_cookie(%q) = %q; want %q", goSigned, got, c.value)
			}
		})
		add(pyOp{"op": "cookie_get", "secret": "cookie-secret", "name": c.name, "salt": c.salt, "value": goSigned, "now": now + 61, "max_age": 60}, "cookie_get expired/"+c.name, func(t *testing.T, r pyResult) {
			if r.Error != "SignatureExpired" {
				t.Errorf("Django get_signed_cookie(%q) 61s later = %s %s; want SignatureExpired", goSigned, r.OK, r.Error)
			}
		})
	}
	// Django 3.1–3.2 also accept SHA-1 signatures from a SHA-256 signer.
	if run.Version[0] == 3 {
		sha1Signed := (&signing.Signer{Key: "interop-key", Algorithm: "sha1"}).Sign("legacy")
		add(pyOp{"op": "unsign", "key": "interop-key", "value": sha1Signed}, "legacy sha1 go->py", func(t *testing.T, r pyResult) {
			if got := r.str(t); got != "legacy" {
				t.Errorf("Django 3 unsign(sha1 %q) = %q; want legacy", sha1Signed, got)
			}
		})
	}
	// Key rotation, where Django supports fallback keys (4.1+).
	if run.Fallbacks {
		old := (&signing.Signer{Key: "old-key"}).Sign("rotated")
		add(pyOp{"op": "unsign", "key": "new-key", "fallbacks": []string{"old-key"}, "value": old}, "fallback go->py", func(t *testing.T, r pyResult) {
			if got := r.str(t); got != "rotated" {
				t.Errorf("Django unsign with fallback_keys = %q; want rotated", got)
			}
		})
	}
	run = runDjango(t, ops)
	for i, c := range checks {
		t.Run(c.name, func(t *testing.T) { c.f(t, run.Results[i]) })
	}
}
