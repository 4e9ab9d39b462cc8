package signing_test

import (
	"fmt"
	"time"

	"github.com/restframe/restframe/signing"
)

func ExampleDumps() {
	o := signing.Options{
		Key: "secret",
		Now: func() time.Time { return time.Unix(1700000000, 0) },
	}
	s, err := signing.Dumps(map[string]any{"a": []any{1, "b"}}, o)
	fmt.Println(s, err)
	// Output:
	// eyJhIjpbMSwiYiJdfQ:1r31eq:o7qHMX6WOG3CRoRp57xjP80Bm9pgbTJKDVtDwqslFsY <nil>
}

func ExampleLoads() {
	var v struct {
		A []any `json:"a"`
	}
	err := signing.Loads("eyJhIjpbMSwiYiJdfQ:1r31eq:o7qHMX6WOG3CRoRp57xjP80Bm9pgbTJKDVtDwqslFsY", &v, signing.Options{Key: "secret"})
	fmt.Println(v.A, err)

	// With a maximum age, an old value is refused.
	err = signing.Loads("eyJhIjpbMSwiYiJdfQ:1r31eq:o7qHMX6WOG3CRoRp57xjP80Bm9pgbTJKDVtDwqslFsY", &v, signing.Options{
		Key:    "secret",
		MaxAge: time.Hour,
		Now:    func() time.Time { return time.Unix(1700000000, 0).Add(2 * time.Hour) },
	})
	fmt.Println(err)
	// Output:
	// [1 b] <nil>
	// signing: signature expired: Signature age 7200 > 3600 seconds
}

// Compression is used only when it makes the JSON at least two bytes shorter;
// a compressed payload starts with '.'.
func ExampleDumps_compress() {
	o := signing.Options{Key: "secret", Compress: true, Now: func() time.Time { return time.Unix(1700000000, 0) }}
	short, _ := signing.Dumps("aaaaaaaaaaa", o)
	long, _ := signing.Dumps("aaaaaaaaaaaa", o)
	fmt.Println(short)
	fmt.Println(long)
	// Output:
	// ImFhYWFhYWFhYWFhIg:1r31eq:JzQqJAwZFow4lvK3mbEsFuLJ6cLjJlRW0q7gmnJwwcY
	// .eJxTSkQCSgAkJgTR:1r31eq:_lYBY2cbmwYyh3rBmgKuI5LFrU_Vn_kKYAjmYim0h98
}
