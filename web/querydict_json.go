package web

// MarshalJSON implements json.Marshaler as Python's json module encodes a
// Django QueryDict, which is what DRF's JSONRenderer writes for the
// request.data of a form: an object of each key's last value, keys in the
// order they first appeared ({"a": "2"} for "a=1&a=2"). Use Lists for every
// value.
func (q QueryDict) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 2+16*q.Len())
	b = append(b, '{')
	n := 0
	for k, v := range q.Items() {
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = appendPyJSONString(b, k, false)
		b = append(b, ':')
		b = appendPyJSONString(b, v, false)
	}
	return append(b, '}'), nil
}

// MarshalJSON implements json.Marshaler: an uploaded file is written as its
// name. (DRF's encoder would iterate the file and write its lines; a file's
// content does not belong in a response by accident.)
func (f *UploadedFile) MarshalJSON() ([]byte, error) {
	if f == nil {
		return []byte("null"), nil
	}
	return appendPyJSONString(nil, f.Name, false), nil
}

// MarshalJSON implements json.Marshaler like QueryDict's: an object of each
// field's last file, written as its name (see UploadedFile.MarshalJSON).
func (u UploadedFiles) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	n := 0
	for k, f := range u.Items() {
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = appendPyJSONString(b, k, false)
		b = append(b, ':')
		b = appendPyJSONString(b, f.Name, false)
	}
	return append(b, '}'), nil
}
