package main

import (
	"cmp"
	"slices"
	"sync"
	"time"
)

// Snippet is one stored piece of code: the model behind the API. Its JSON
// form is what the API sends (DRF's serializer.data).
type Snippet struct {
	ID       int       `json:"id"`
	Title    string    `json:"title"`
	Code     string    `json:"code"`
	Language string    `json:"language"`
	Created  time.Time `json:"created"`
}

// store keeps snippets in memory; it is safe for concurrent use.
type store struct {
	mu     sync.RWMutex
	items  map[int]Snippet
	nextID int
}

func newStore(seed []Snippet) *store {
	s := &store{items: make(map[int]Snippet), nextID: 1}
	for _, sn := range seed {
		s.add(sn)
	}
	return s
}

// add stores sn under the next id and returns it with the id set.
func (s *store) add(sn Snippet) Snippet {
	s.mu.Lock()
	defer s.mu.Unlock()
	sn.ID = s.nextID
	s.nextID++
	s.items[sn.ID] = sn
	return sn
}

func (s *store) get(id int) (Snippet, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	sn, ok := s.items[id]
	return sn, ok
}

// update applies change to the snippet id under the lock, so that
// concurrent PATCHes of different fields do not lose each other's work,
// and returns the new value. ok is false when there is no such snippet.
func (s *store) update(id int, change func(*Snippet)) (Snippet, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sn, ok := s.items[id]
	if !ok {
		return Snippet{}, false
	}
	change(&sn)
	sn.ID = id
	s.items[id] = sn
	return sn, true
}

func (s *store) delete(id int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.items[id]
	delete(s.items, id)
	return ok
}

// list returns the snippets ordered by id.
func (s *store) list() []Snippet {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]Snippet, 0, len(s.items))
	for _, sn := range s.items {
		out = append(out, sn)
	}
	slices.SortFunc(out, func(a, b Snippet) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

func seedSnippets() []Snippet {
	t := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	return []Snippet{
		{Title: "hello", Code: "print('hello, world')", Language: "python", Created: t},
		{Title: "handler", Code: "func(r *rest.Request) (*rest.Response, error)", Language: "go", Created: t.Add(time.Hour)},
	}
}
