//go:build !race

package rest

// allocGuardsOff is true under the race detector, which makes sync.Pool
// drop items on purpose: the allocation guards skip then.
const allocGuardsOff = false
