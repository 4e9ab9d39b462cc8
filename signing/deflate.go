package signing

import (
	"encoding/binary"
	"hash/adler32"
	"sync"
)

// This file is a compressor whose output is byte-for-byte the output of
// zlib 1.2.13's compress() at the default level (6): deflateInit2 with
// windowBits 15, memLevel 8 and Z_DEFAULT_STRATEGY, fed the whole input with
// Z_FINISH. That is what Python's zlib.compress(data) returns, and so what
// Django's dumps(compress=True) signs. Go's compress/flate produces valid but
// different streams (other block boundaries and a sync marker), which would
// make the base64 payload, and therefore the signature, differ from Django's.
//
// The algorithm follows zlib's deflate_slow (lazy matching with hash chains),
// fill_window and longest_match from deflate.c, and the Huffman tree builder
// and block-type choice of trees.c (RFC 1951 §3.2). The zlib wrapper is
// RFC 1950 §2.2: CMF 0x78, FLG 0x9c, then the big-endian Adler-32 of the input.
// Decompression uses the standard library's compress/zlib.

const (
	zMinMatch     = 3
	zMaxMatch     = 258
	zWSize        = 1 << 15 // windowBits 15
	zWMask        = zWSize - 1
	zWindowSize   = 2 * zWSize
	zHashBits     = 15 // memLevel 8 + 7
	zHashSize     = 1 << zHashBits
	zHashMask     = zHashSize - 1
	zHashShift    = (zHashBits + zMinMatch - 1) / zMinMatch
	zMinLookahead = zMaxMatch + zMinMatch + 1
	zMaxDist      = zWSize - zMinLookahead
	zWinInit      = zMaxMatch
	zTooFar       = 4096
	zLitBufSize   = 1 << (8 + 6) // memLevel 8
	zSymEnd       = zLitBufSize - 1

	// configuration_table[6]: good_length, max_lazy, nice_length, max_chain.
	zGoodMatch = 8
	zMaxLazy   = 16
	zNiceMatch = 128
	zMaxChain  = 128

	zLengthCodes = 29
	zLiterals    = 256
	zLCodes      = zLiterals + 1 + zLengthCodes
	zDCodes      = 30
	zBLCodes     = 19
	zHeapSize    = 2*zLCodes + 1
	zMaxBits     = 15
	zMaxBLBits   = 7
	zEndBlock    = 256
	zRep3to6     = 16
	zRepz3to10   = 17
	zRepz11to138 = 18
)

var (
	zExtraLBits  = [zLengthCodes]int{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	zExtraDBits  = [zDCodes]int{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	zExtraBLBits = [zBLCodes]int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7}
	zBLOrder     = [zBLCodes]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
)

// zNode is trees.c's ct_data. zlib overlays freq/code and dad/len in unions;
// the algorithm never reads one member after writing the other, so separate
// fields give the same results.
type zNode struct {
	freq int
	code uint16
	dad  int
	len  int
}

// zStatic holds trees.c's constant tables (tr_static_init).
type zStatic struct {
	lengthCode [zMaxMatch - zMinMatch + 1]uint8
	distCode   [512]uint8
	baseLength [zLengthCodes]int
	baseDist   [zDCodes]int
	ltree      [zLCodes + 2]zNode
	dtree      [zDCodes]zNode
}

// zTables is computed once when the package is initialised and never written
// afterwards.
var zTables = newZStatic()

func newZStatic() *zStatic {
	t := new(zStatic)
	length := 0
	code := 0
	for code = 0; code < zLengthCodes-1; code++ {
		t.baseLength[code] = length
		for n := 0; n < 1<<zExtraLBits[code]; n++ {
			t.lengthCode[length] = uint8(code)
			length++
		}
	}
	// Length 258 is code 285 rather than 284 + 5 extra bits.
	t.lengthCode[length-1] = uint8(code)
	dist := 0
	for code = 0; code < 16; code++ {
		t.baseDist[code] = dist
		for n := 0; n < 1<<zExtraDBits[code]; n++ {
			t.distCode[dist] = uint8(code)
			dist++
		}
	}
	dist >>= 7
	for ; code < zDCodes; code++ {
		t.baseDist[code] = dist << 7
		for n := 0; n < 1<<(zExtraDBits[code]-7); n++ {
			t.distCode[256+dist] = uint8(code)
			dist++
		}
	}
	var blCount [zMaxBits + 1]int
	n := 0
	for ; n <= 143; n++ {
		t.ltree[n].len = 8
		blCount[8]++
	}
	for ; n <= 255; n++ {
		t.ltree[n].len = 9
		blCount[9]++
	}
	for ; n <= 279; n++ {
		t.ltree[n].len = 7
		blCount[7]++
	}
	for ; n <= 287; n++ {
		t.ltree[n].len = 8
		blCount[8]++
	}
	zGenCodes(t.ltree[:], zLCodes+1, &blCount)
	for n := 0; n < zDCodes; n++ {
		t.dtree[n].len = 5
		t.dtree[n].code = uint16(zBitReverse(uint(n), 5))
	}
	return t
}

func (t *zStatic) dCode(dist int) int {
	if dist < 256 {
		return int(t.distCode[dist])
	}
	return int(t.distCode[256+(dist>>7)])
}

// zTreeDesc is trees.c's tree_desc with its static_tree_desc folded in.
type zTreeDesc struct {
	tree      []zNode
	maxCode   int
	stree     []zNode // static tree or nil
	extra     []int
	extraBase int
	elems     int
	maxLength int
}

// deflater is zlib's deflate_state for the one configuration used here.
type deflater struct {
	window [zWindowSize]byte
	prev   [zWSize]uint16
	head   [zHashSize]uint16

	in  []byte // input not yet copied into the window
	out []byte

	bitBuf   uint64
	bitCount uint

	strstart, lookahead, insert int
	matchStart, prevMatch       int
	matchLength, prevLength     int
	matchAvailable              bool
	blockStart                  int // negative once the block start slid out
	insH                        uint32
	highWater                   int

	dynLtree [zHeapSize]zNode
	dynDtree [2*zDCodes + 1]zNode
	blTree   [2*zBLCodes + 1]zNode
	lDesc    zTreeDesc
	dDesc    zTreeDesc
	blDesc   zTreeDesc
	blCount  [zMaxBits + 1]int
	heap     [zHeapSize]int
	heapLen  int
	heapMax  int
	depth    [zHeapSize]uint8

	symDist [zLitBufSize]uint16
	symLC   [zLitBufSize]uint8
	symNext int

	optLen, staticLen uint64 // unsigned long in zlib: wraps like it
}

var deflaterPool = sync.Pool{New: func() any { return new(deflater) }}

// zlibCompress appends to dst the zlib stream that zlib.compress(src) returns
// in CPython linked against zlib 1.2.x (level 6) and returns the result.
func zlibCompress(dst, src []byte) []byte {
	d := deflaterPool.Get().(*deflater)
	d.reset(src, append(dst, 0x78, 0x9c)) // RFC 1950: deflate, 32K window, level 6
	d.deflateSlow()
	out := binary.BigEndian.AppendUint32(d.out, adler32.Checksum(src))
	d.in, d.out = nil, nil
	deflaterPool.Put(d)
	return out
}

// reset prepares d for a new stream, as deflateInit2 and deflateReset do.
// Like zlib, it clears only the hash heads: the window, prev[] and the trees
// may hold data of an earlier stream, which zlib's high-water zeroing and
// per-block initialisation keep from influencing the output (in C they are
// uninitialised memory).
func (d *deflater) reset(src, dst []byte) {
	clear(d.head[:])
	d.in, d.out = src, dst
	d.bitBuf, d.bitCount = 0, 0
	d.strstart, d.lookahead, d.insert = 0, 0, 0
	d.matchStart, d.prevMatch = 0, 0
	d.matchLength, d.prevLength = zMinMatch-1, zMinMatch-1
	d.matchAvailable = false
	d.blockStart = 0
	d.insH = 0
	d.highWater = 0
	d.lDesc = zTreeDesc{tree: d.dynLtree[:], stree: zTables.ltree[:], extra: zExtraLBits[:], extraBase: zLiterals + 1, elems: zLCodes, maxLength: zMaxBits}
	d.dDesc = zTreeDesc{tree: d.dynDtree[:], stree: zTables.dtree[:], extra: zExtraDBits[:], elems: zDCodes, maxLength: zMaxBits}
	d.blDesc = zTreeDesc{tree: d.blTree[:], extra: zExtraBLBits[:], elems: zBLCodes, maxLength: zMaxBLBits}
	d.initBlock()
}

func (d *deflater) sendBits(value, length int) {
	d.bitBuf |= uint64(value) << d.bitCount
	d.bitCount += uint(length)
	for d.bitCount >= 8 {
		d.out = append(d.out, byte(d.bitBuf))
		d.bitBuf >>= 8
		d.bitCount -= 8
	}
}

// biWindup pads the pending bits to a byte boundary.
func (d *deflater) biWindup() {
	if d.bitCount > 0 {
		d.out = append(d.out, byte(d.bitBuf))
	}
	d.bitBuf, d.bitCount = 0, 0
}

func (d *deflater) insertString(str int) int {
	d.insH = ((d.insH << zHashShift) ^ uint32(d.window[str+zMinMatch-1])) & zHashMask
	h := int(d.head[d.insH])
	d.prev[str&zWMask] = uint16(h)
	d.head[d.insH] = uint16(str)
	return h
}

func (d *deflater) slideHash() {
	for i, m := range d.head {
		if int(m) >= zWSize {
			d.head[i] = m - zWSize
		} else {
			d.head[i] = 0
		}
	}
	for i, m := range d.prev {
		if int(m) >= zWSize {
			d.prev[i] = m - zWSize
		} else {
			d.prev[i] = 0
		}
	}
}

// fillWindow is deflate.c's fill_window.
func (d *deflater) fillWindow() {
	for {
		more := zWindowSize - d.lookahead - d.strstart
		if d.strstart >= zWSize+zMaxDist {
			n := zWSize - more
			copy(d.window[:n], d.window[zWSize:zWSize+n])
			d.matchStart -= zWSize
			d.strstart -= zWSize
			d.blockStart -= zWSize
			if d.insert > d.strstart {
				d.insert = d.strstart
			}
			d.slideHash()
			more += zWSize
		}
		if len(d.in) == 0 {
			break
		}
		at := d.strstart + d.lookahead
		n := copy(d.window[at:at+more], d.in)
		d.in = d.in[n:]
		d.lookahead += n
		if d.lookahead+d.insert >= zMinMatch {
			str := d.strstart - d.insert
			d.insH = uint32(d.window[str])
			d.insH = ((d.insH << zHashShift) ^ uint32(d.window[str+1])) & zHashMask
			for d.insert > 0 {
				d.insH = ((d.insH << zHashShift) ^ uint32(d.window[str+zMinMatch-1])) & zHashMask
				d.prev[str&zWMask] = d.head[d.insH]
				d.head[d.insH] = uint16(str)
				str++
				d.insert--
				if d.lookahead+d.insert < zMinMatch {
					break
				}
			}
		}
		if d.lookahead >= zMinLookahead || len(d.in) == 0 {
			break
		}
	}
	// zlib zeroes the zWinInit bytes after the data so that longest_match,
	// which may look up to strstart+zMaxMatch, reads defined values.
	if d.highWater < zWindowSize {
		curr := d.strstart + d.lookahead
		if d.highWater < curr {
			init := min(zWindowSize-curr, zWinInit)
			clear(d.window[curr : curr+init])
			d.highWater = curr + init
		} else if d.highWater < curr+zWinInit {
			init := min(curr+zWinInit-d.highWater, zWindowSize-d.highWater)
			clear(d.window[d.highWater : d.highWater+init])
			d.highWater += init
		}
	}
}

// longestMatch is deflate.c's longest_match (the portable variant). Like
// zlib it does not compare the third byte, which the hash implies.
func (d *deflater) longestMatch(curMatch int) int {
	w := &d.window
	chainLength := zMaxChain
	scan := d.strstart
	bestLen := d.prevLength
	niceMatch := zNiceMatch
	limit := 0
	if d.strstart > zMaxDist {
		limit = d.strstart - zMaxDist
	}
	scanEnd1 := w[scan+bestLen-1]
	scanEnd := w[scan+bestLen]
	if d.prevLength >= zGoodMatch {
		chainLength >>= 2
	}
	if niceMatch > d.lookahead {
		niceMatch = d.lookahead
	}
	for {
		match := curMatch
		if w[match+bestLen] == scanEnd && w[match+bestLen-1] == scanEnd1 &&
			w[match] == w[scan] && w[match+1] == w[scan+1] {
			k := zMinMatch
			for k < zMaxMatch && w[scan+k] == w[match+k] {
				k++
			}
			if k > bestLen {
				d.matchStart = curMatch
				bestLen = k
				if k >= niceMatch {
					break
				}
				scanEnd1 = w[scan+bestLen-1]
				scanEnd = w[scan+bestLen]
			}
		}
		curMatch = int(d.prev[curMatch&zWMask])
		if curMatch <= limit {
			break
		}
		chainLength--
		if chainLength == 0 {
			break
		}
	}
	if bestLen <= d.lookahead {
		return bestLen
	}
	return d.lookahead
}

// deflateSlow is deflate.c's deflate_slow called with Z_FINISH and the whole
// input available.
func (d *deflater) deflateSlow() {
	for {
		if d.lookahead < zMinLookahead {
			d.fillWindow()
			if d.lookahead == 0 {
				break
			}
		}
		hashHead := 0
		if d.lookahead >= zMinMatch {
			hashHead = d.insertString(d.strstart)
		}
		d.prevLength, d.prevMatch = d.matchLength, d.matchStart
		d.matchLength = zMinMatch - 1
		if hashHead != 0 && d.prevLength < zMaxLazy && d.strstart-hashHead <= zMaxDist {
			d.matchLength = d.longestMatch(hashHead)
			if d.matchLength == zMinMatch && d.strstart-d.matchStart > zTooFar {
				d.matchLength = zMinMatch - 1
			}
		}
		switch {
		case d.prevLength >= zMinMatch && d.matchLength <= d.prevLength:
			maxInsert := d.strstart + d.lookahead - zMinMatch
			flush := d.tallyDist(d.strstart-1-d.prevMatch, d.prevLength-zMinMatch)
			d.lookahead -= d.prevLength - 1
			d.prevLength -= 2
			for {
				d.strstart++
				if d.strstart <= maxInsert {
					d.insertString(d.strstart)
				}
				d.prevLength--
				if d.prevLength == 0 {
					break
				}
			}
			d.matchAvailable = false
			d.matchLength = zMinMatch - 1
			d.strstart++
			if flush {
				d.flushBlock(false)
			}
		case d.matchAvailable:
			if d.tallyLit(d.window[d.strstart-1]) {
				d.flushBlock(false)
			}
			d.strstart++
			d.lookahead--
		default:
			d.matchAvailable = true
			d.strstart++
			d.lookahead--
		}
	}
	if d.matchAvailable {
		d.tallyLit(d.window[d.strstart-1])
		d.matchAvailable = false
	}
	d.insert = min(d.strstart, zMinMatch-1)
	d.flushBlock(true)
}

func (d *deflater) flushBlock(last bool) {
	var buf []byte
	if d.blockStart >= 0 {
		buf = d.window[d.blockStart:]
	}
	d.trFlushBlock(buf, d.strstart-d.blockStart, last)
	d.blockStart = d.strstart
}

func (d *deflater) tallyLit(c byte) bool {
	d.symDist[d.symNext] = 0
	d.symLC[d.symNext] = c
	d.symNext++
	d.dynLtree[c].freq++
	return d.symNext == zSymEnd
}

func (d *deflater) tallyDist(dist, lc int) bool {
	d.symDist[d.symNext] = uint16(dist)
	d.symLC[d.symNext] = uint8(lc)
	d.symNext++
	dist--
	d.dynLtree[int(zTables.lengthCode[lc])+zLiterals+1].freq++
	d.dynDtree[zTables.dCode(dist)].freq++
	return d.symNext == zSymEnd
}

func (d *deflater) initBlock() {
	for n := 0; n < zLCodes; n++ {
		d.dynLtree[n].freq = 0
	}
	for n := 0; n < zDCodes; n++ {
		d.dynDtree[n].freq = 0
	}
	for n := 0; n < zBLCodes; n++ {
		d.blTree[n].freq = 0
	}
	d.dynLtree[zEndBlock].freq = 1
	d.optLen, d.staticLen = 0, 0
	d.symNext = 0
}

// smaller is trees.c's smaller(): frequency, then depth as tie breaker.
func (d *deflater) smaller(tree []zNode, n, m int) bool {
	return tree[n].freq < tree[m].freq || (tree[n].freq == tree[m].freq && d.depth[n] <= d.depth[m])
}

func (d *deflater) pqDownHeap(tree []zNode, k int) {
	v := d.heap[k]
	j := k << 1
	for j <= d.heapLen {
		if j < d.heapLen && d.smaller(tree, d.heap[j+1], d.heap[j]) {
			j++
		}
		if d.smaller(tree, v, d.heap[j]) {
			break
		}
		d.heap[k] = d.heap[j]
		k = j
		j <<= 1
	}
	d.heap[k] = v
}

// genBitlen is trees.c's gen_bitlen, including its overflow repair.
func (d *deflater) genBitlen(desc *zTreeDesc) {
	tree := desc.tree
	maxCode := desc.maxCode
	stree := desc.stree
	maxLength := desc.maxLength
	for bits := range d.blCount {
		d.blCount[bits] = 0
	}
	tree[d.heap[d.heapMax]].len = 0
	overflow := 0
	h := d.heapMax + 1
	for ; h < zHeapSize; h++ {
		n := d.heap[h]
		bits := tree[tree[n].dad].len + 1
		if bits > maxLength {
			bits = maxLength
			overflow++
		}
		tree[n].len = bits
		if n > maxCode {
			continue
		}
		d.blCount[bits]++
		xbits := 0
		if n >= desc.extraBase {
			xbits = desc.extra[n-desc.extraBase]
		}
		f := uint64(tree[n].freq)
		d.optLen += f * uint64(bits+xbits)
		if stree != nil {
			d.staticLen += f * uint64(stree[n].len+xbits)
		}
	}
	if overflow == 0 {
		return
	}
	for overflow > 0 {
		bits := maxLength - 1
		for d.blCount[bits] == 0 {
			bits--
		}
		d.blCount[bits]--
		d.blCount[bits+1] += 2
		d.blCount[maxLength]--
		overflow -= 2
	}
	for bits := maxLength; bits != 0; bits-- {
		n := d.blCount[bits]
		for n != 0 {
			h--
			m := d.heap[h]
			if m > maxCode {
				continue
			}
			if tree[m].len != bits {
				d.optLen += (uint64(bits) - uint64(tree[m].len)) * uint64(tree[m].freq)
				tree[m].len = bits
			}
			n--
		}
	}
}

func zGenCodes(tree []zNode, maxCode int, blCount *[zMaxBits + 1]int) {
	var nextCode [zMaxBits + 1]int
	code := 0
	for bits := 1; bits <= zMaxBits; bits++ {
		code = (code + blCount[bits-1]) << 1
		nextCode[bits] = code & 0xffff
	}
	for n := 0; n <= maxCode; n++ {
		l := tree[n].len
		if l == 0 {
			continue
		}
		tree[n].code = uint16(zBitReverse(uint(nextCode[l]), l))
		nextCode[l]++
	}
}

func zBitReverse(code uint, length int) uint {
	var res uint
	for {
		res |= code & 1
		code >>= 1
		res <<= 1
		length--
		if length <= 0 {
			break
		}
	}
	return res >> 1
}

// buildTree is trees.c's build_tree.
func (d *deflater) buildTree(desc *zTreeDesc) {
	tree := desc.tree
	stree := desc.stree
	elems := desc.elems
	maxCode := -1
	d.heapLen, d.heapMax = 0, zHeapSize
	for n := 0; n < elems; n++ {
		if tree[n].freq != 0 {
			d.heapLen++
			d.heap[d.heapLen] = n
			maxCode = n
			d.depth[n] = 0
		} else {
			tree[n].len = 0
		}
	}
	// At least two codes of non-zero frequency (the pkzip format needs one
	// distance code and one bit per code).
	for d.heapLen < 2 {
		node := 0
		if maxCode < 2 {
			maxCode++
			node = maxCode
		}
		d.heapLen++
		d.heap[d.heapLen] = node
		tree[node].freq = 1
		d.depth[node] = 0
		d.optLen--
		if stree != nil {
			d.staticLen -= uint64(stree[node].len)
		}
	}
	desc.maxCode = maxCode
	for n := d.heapLen / 2; n >= 1; n-- {
		d.pqDownHeap(tree, n)
	}
	node := elems
	for {
		n := d.heap[1]
		d.heap[1] = d.heap[d.heapLen]
		d.heapLen--
		d.pqDownHeap(tree, 1)
		m := d.heap[1]
		d.heapMax--
		d.heap[d.heapMax] = n
		d.heapMax--
		d.heap[d.heapMax] = m
		tree[node].freq = tree[n].freq + tree[m].freq
		if d.depth[n] >= d.depth[m] {
			d.depth[node] = d.depth[n] + 1
		} else {
			d.depth[node] = d.depth[m] + 1
		}
		tree[n].dad = node
		tree[m].dad = node
		d.heap[1] = node
		node++
		d.pqDownHeap(tree, 1)
		if d.heapLen < 2 {
			break
		}
	}
	d.heapMax--
	d.heap[d.heapMax] = d.heap[1]
	d.genBitlen(desc)
	zGenCodes(tree, maxCode, &d.blCount)
}

// scanTree counts the bit-length codes needed to send tree (trees.c scan_tree).
func (d *deflater) scanTree(tree []zNode, maxCode int) {
	prevlen := -1
	nextlen := tree[0].len
	count := 0
	maxCount, minCount := 7, 4
	if nextlen == 0 {
		maxCount, minCount = 138, 3
	}
	tree[maxCode+1].len = 0xffff // guard
	for n := 0; n <= maxCode; n++ {
		curlen := nextlen
		nextlen = tree[n+1].len
		count++
		if count < maxCount && curlen == nextlen {
			continue
		} else if count < minCount {
			d.blTree[curlen].freq += count
		} else if curlen != 0 {
			if curlen != prevlen {
				d.blTree[curlen].freq++
			}
			d.blTree[zRep3to6].freq++
		} else if count <= 10 {
			d.blTree[zRepz3to10].freq++
		} else {
			d.blTree[zRepz11to138].freq++
		}
		count = 0
		prevlen = curlen
		switch {
		case nextlen == 0:
			maxCount, minCount = 138, 3
		case curlen == nextlen:
			maxCount, minCount = 6, 3
		default:
			maxCount, minCount = 7, 4
		}
	}
}

func (d *deflater) sendCode(c int, tree []zNode) {
	d.sendBits(int(tree[c].code), tree[c].len)
}

// sendTree is trees.c's send_tree.
func (d *deflater) sendTree(tree []zNode, maxCode int) {
	prevlen := -1
	nextlen := tree[0].len
	count := 0
	maxCount, minCount := 7, 4
	if nextlen == 0 {
		maxCount, minCount = 138, 3
	}
	for n := 0; n <= maxCode; n++ {
		curlen := nextlen
		nextlen = tree[n+1].len
		count++
		if count < maxCount && curlen == nextlen {
			continue
		} else if count < minCount {
			for ; count != 0; count-- {
				d.sendCode(curlen, d.blTree[:])
			}
		} else if curlen != 0 {
			if curlen != prevlen {
				d.sendCode(curlen, d.blTree[:])
				count--
			}
			d.sendCode(zRep3to6, d.blTree[:])
			d.sendBits(count-3, 2)
		} else if count <= 10 {
			d.sendCode(zRepz3to10, d.blTree[:])
			d.sendBits(count-3, 3)
		} else {
			d.sendCode(zRepz11to138, d.blTree[:])
			d.sendBits(count-11, 7)
		}
		count = 0
		prevlen = curlen
		switch {
		case nextlen == 0:
			maxCount, minCount = 138, 3
		case curlen == nextlen:
			maxCount, minCount = 6, 3
		default:
			maxCount, minCount = 7, 4
		}
	}
}

func (d *deflater) buildBLTree() int {
	d.scanTree(d.dynLtree[:], d.lDesc.maxCode)
	d.scanTree(d.dynDtree[:], d.dDesc.maxCode)
	d.buildTree(&d.blDesc)
	maxBLIndex := zBLCodes - 1
	for ; maxBLIndex >= 3; maxBLIndex-- {
		if d.blTree[zBLOrder[maxBLIndex]].len != 0 {
			break
		}
	}
	d.optLen += 3*uint64(maxBLIndex+1) + 5 + 5 + 4
	return maxBLIndex
}

func (d *deflater) sendAllTrees(lcodes, dcodes, blcodes int) {
	d.sendBits(lcodes-257, 5)
	d.sendBits(dcodes-1, 5)
	d.sendBits(blcodes-4, 4)
	for rank := 0; rank < blcodes; rank++ {
		d.sendBits(d.blTree[zBLOrder[rank]].len, 3)
	}
	d.sendTree(d.dynLtree[:], lcodes-1)
	d.sendTree(d.dynDtree[:], dcodes-1)
}

func (d *deflater) compressBlock(ltree, dtree []zNode) {
	for i := 0; i < d.symNext; i++ {
		dist := int(d.symDist[i])
		lc := int(d.symLC[i])
		if dist == 0 {
			d.sendCode(lc, ltree)
			continue
		}
		code := int(zTables.lengthCode[lc])
		d.sendCode(code+zLiterals+1, ltree)
		if extra := zExtraLBits[code]; extra != 0 {
			d.sendBits(lc-zTables.baseLength[code], extra)
		}
		dist--
		code = zTables.dCode(dist)
		d.sendCode(code, dtree)
		if extra := zExtraDBits[code]; extra != 0 {
			d.sendBits(dist-zTables.baseDist[code], extra)
		}
	}
	d.sendCode(zEndBlock, ltree)
}

// trFlushBlock is trees.c's _tr_flush_block: it writes the block as stored,
// fixed-Huffman or dynamic-Huffman, whichever zlib's estimate says is
// smallest (RFC 1951 §3.2.3). buf is nil when the block start has left the
// window, which rules out a stored block.
func (d *deflater) trFlushBlock(buf []byte, storedLen int, last bool) {
	d.buildTree(&d.lDesc)
	d.buildTree(&d.dDesc)
	maxBLIndex := d.buildBLTree()
	optLenb := (d.optLen + 3 + 7) >> 3
	staticLenb := (d.staticLen + 3 + 7) >> 3
	if staticLenb <= optLenb {
		optLenb = staticLenb
	}
	lastBit := 0
	if last {
		lastBit = 1
	}
	switch {
	case uint64(storedLen)+4 <= optLenb && buf != nil:
		d.sendBits(lastBit, 3) // STORED_BLOCK
		d.biWindup()
		d.out = binary.LittleEndian.AppendUint16(d.out, uint16(storedLen))
		d.out = binary.LittleEndian.AppendUint16(d.out, ^uint16(storedLen))
		d.out = append(d.out, buf[:storedLen]...)
	case staticLenb == optLenb:
		d.sendBits(1<<1+lastBit, 3) // STATIC_TREES
		d.compressBlock(zTables.ltree[:], zTables.dtree[:])
	default:
		d.sendBits(2<<1+lastBit, 3) // DYN_TREES
		d.sendAllTrees(d.lDesc.maxCode+1, d.dDesc.maxCode+1, maxBLIndex+1)
		d.compressBlock(d.dynLtree[:], d.dynDtree[:])
	}
	d.initBlock()
	if last {
		d.biWindup()
	}
}
