package web_test

import (
	"fmt"
	"slices"

	"github.com/restframe/restframe/web"
)

func ExampleParseQueryDict() {
	q, err := web.ParseQueryDict("a=1&a=2&c=3&q=caf%C3%A9+au+lait&semi=x;y")
	if err != nil {
		panic(err)
	}
	fmt.Println(q)
	a, _ := q.Get("a") // the last value, as in Django
	fmt.Println(a, q.GetList("a"))
	_, ok := q.Get("missing")
	fmt.Println(ok)
	fmt.Println(slices.Collect(q.Keys()))
	// Output:
	// <QueryDict: {'a': ['1', '2'], 'c': ['3'], 'q': ['café au lait'], 'semi': ['x;y']}>
	// 2 [1 2]
	// false
	// [a c q semi]
}

func ExampleQueryConfig_Parse() {
	// Django's QueryDict("cur=%A4", encoding="iso-8859-15"), with a field limit.
	cfg := web.QueryConfig{Encoding: "iso-8859-15", MaxNumberFields: 2}
	q, err := cfg.Parse("cur=%A4")
	fmt.Println(q, err)
	fmt.Println(q.URLEncode(""))
	_, err = cfg.Parse("a=1&b=2&c=3")
	fmt.Println(err)
	// Output:
	// <QueryDict: {'cur': ['€']}> <nil>
	// cur=%A4
	// web: the number of GET/POST parameters exceeded the maximum number of fields
}

func ExampleQueryDict_Copy() {
	q, _ := web.ParseQueryDict("a=1&b=2")
	// A QueryDict from a request is read-only; Copy gives a mutable one.
	m := q.Copy()
	m.Set("b", "3")        // q['b'] = '3'
	m.AppendList("a", "4") // q.appendlist('a', '4')
	other, _ := web.ParseQueryDict("a=5&c=6")
	m.Update(other)       // appends, unlike dict.update
	vals, _ := m.Pop("c") // the whole list
	fmt.Println(m, vals)
	fmt.Println(q)
	// Output:
	// <QueryDict: {'a': ['1', '4', '5'], 'b': ['3']}> [6]
	// <QueryDict: {'a': ['1'], 'b': ['2']}>
}

func ExampleQueryDict_URLEncode() {
	var m web.MutableQueryDict // the zero value is ready to use
	m.Set("next", "/a&b/")
	m.Set("q", "x y")
	fmt.Println(m.URLEncode(""))
	fmt.Println(m.URLEncode("/"))
	// Output:
	// next=%2Fa%26b%2F&q=x+y
	// next=/a%26b/&q=x%20y
}

func ExampleFromKeys() {
	fmt.Println(web.FromKeys([]string{"a", "a", "b"}, "val"))
	// Output:
	// <QueryDict: {'a': ['val', 'val'], 'b': ['val']}>
}
