// Package jsonfield holds what restframe's two JSON encoders share (DRF's
// JSONRenderer in package render, Django's DjangoJSONEncoder in package
// web): encoding/json's rules for the fields of a struct and for the
// grammar of a number.
package jsonfield

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"unicode"
)

// Field is one field encoding/json encodes for a struct type.
type Field struct {
	// Name is the JSON key: the tag name, else the Go field name.
	Name string
	// Index is the field's index path for reflect.Value.FieldByIndex.
	Index []int
	// Tagged reports whether the name came from a json tag.
	Tagged bool
	// OmitEmpty, OmitZero and Quoted are the tag options omitempty,
	// omitzero and string (the last only for the kinds encoding/json
	// quotes).
	OmitEmpty, OmitZero, Quoted bool
}

// Fields returns the fields encoding/json encodes for struct type t, in
// index order: exported fields, json tags, and fields promoted from
// embedded structs, where a name used at several depths goes to the
// shallowest field (the tagged one among equals, none if still ambiguous).
func Fields(t reflect.Type) []Field {
	type queued struct {
		typ   reflect.Type
		index []int
	}
	var (
		current   []queued
		next      = []queued{{typ: t}}
		count     map[reflect.Type]int
		nextCount = map[reflect.Type]int{}
		visited   = map[reflect.Type]bool{}
		fields    []Field
	)
	for len(next) > 0 {
		current, next = next, current[:0]
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, q := range current {
			if visited[q.typ] {
				continue
			}
			visited[q.typ] = true
			for i := 0; i < q.typ.NumField(); i++ {
				sf := q.typ.Field(i)
				if sf.Anonymous {
					ft := sf.Type
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue // embedded unexported non-struct types are ignored
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !validTagName(name) {
					name = ""
				}
				index := append(slices.Clip(q.index), i)
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				quoted := false
				if hasOption(opts, "string") {
					switch ft.Kind() {
					case reflect.Bool,
						reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
						reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
						reflect.Float32, reflect.Float64, reflect.String:
						quoted = true
					}
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					f := Field{
						Name:      name,
						Index:     index,
						Tagged:    name != "",
						OmitEmpty: hasOption(opts, "omitempty"),
						OmitZero:  hasOption(opts, "omitzero"),
						Quoted:    quoted,
					}
					if f.Name == "" {
						f.Name = sf.Name
					}
					fields = append(fields, f)
					if count[q.typ] > 1 {
						// Several embedded structs of this type at one depth:
						// add a duplicate so that the name annihilates below.
						fields = append(fields, f)
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, queued{typ: ft, index: index})
				}
			}
		}
	}
	slices.SortFunc(fields, func(a, b Field) int {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.Index), len(b.Index)); c != 0 {
			return c
		}
		if a.Tagged != b.Tagged {
			if a.Tagged {
				return -1
			}
			return 1
		}
		return slices.Compare(a.Index, b.Index)
	})
	out := fields[:0]
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].Name == fields[i].Name {
			j++
		}
		g := fields[i:j]
		if len(g) == 1 || len(g[0].Index) != len(g[1].Index) || g[0].Tagged != g[1].Tagged {
			out = append(out, g[0])
		}
		i = j
	}
	slices.SortFunc(out, func(a, b Field) int { return slices.Compare(a.Index, b.Index) })
	return slices.Clip(out)
}

func hasOption(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// validTagName is encoding/json's isValidTag.
func validTagName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
			// Backslash and quote chars are reserved, but otherwise any
			// punctuation chars are allowed in a tag name.
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// ValidNumber reports whether s is a JSON number (RFC 8259 §6).
func ValidNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		j := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		if i == j {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		if i == j {
			return false
		}
	}
	return i == len(s)
}
