//go:build race

package render_test

// raceEnabled is true under the race detector, which makes sync.Pool drop
// items on purpose (allocation guards skip then).
const raceEnabled = true
