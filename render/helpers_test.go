package render_test

import "encoding/json"

// jsonUnmarshalString decodes a JSON string into s.
func jsonUnmarshalString(raw json.RawMessage, s *string) error {
	return json.Unmarshal(raw, s)
}
