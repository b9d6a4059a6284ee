package draw

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
)

// A step's candidate list is a set of positions in the record's candidate
// list. EncodeSet writes a sorted set compactly: each position as the gap
// after the one before (minus one, so that a set is strictly increasing by
// construction), as unsigned varints, in base64 without padding. A run of
// consecutive positions costs a byte each; the first of them up to two or
// three.

// EncodeSet writes set, which must be strictly increasing and not
// negative.
func EncodeSet(set []int32) string {
	if len(set) == 0 {
		return ""
	}
	buf := make([]byte, 0, len(set)+8)
	prev := int64(-1)
	for _, v := range set {
		buf = binary.AppendUvarint(buf, uint64(int64(v)-prev-1))
		prev = int64(v)
	}
	return base64.RawStdEncoding.EncodeToString(buf)
}

// errSet is the complaint about a set that does not decode.
var errSet = errors.New("位置集合编码无效")

// DecodeSet reads a set written by EncodeSet whose positions are all
// below n.
func DecodeSet(s string, n int) ([]int32, error) {
	if s == "" {
		return nil, nil
	}
	buf, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil {
		return nil, errSet
	}
	out := make([]int32, 0, len(buf))
	prev := int64(-1)
	for len(buf) > 0 {
		gap, k := binary.Uvarint(buf)
		if k <= 0 || gap >= uint64(n) {
			return nil, errSet
		}
		buf = buf[k:]
		v := prev + 1 + int64(gap)
		if v >= int64(n) {
			return nil, errSet
		}
		out = append(out, int32(v))
		prev = v
	}
	return out, nil
}

// diff returns the positions of base not in set (del) and of set not in
// base (add); both are sorted.
func diff(base, set []int32) (del, add []int32) {
	i, j := 0, 0
	for i < len(base) || j < len(set) {
		switch {
		case j == len(set) || i < len(base) && base[i] < set[j]:
			del = append(del, base[i])
			i++
		case i == len(base) || set[j] < base[i]:
			add = append(add, set[j])
			j++
		default:
			i++
			j++
		}
	}
	return del, add
}

// patch returns base without del and with add. Every position of del must
// be in base and none of add: a record has one way of writing each step.
func patch(base, del, add []int32) ([]int32, error) {
	out := make([]int32, 0, len(base)-len(del)+len(add))
	i, d, a := 0, 0, 0
	for i < len(base) || a < len(add) {
		switch {
		case a == len(add) || i < len(base) && base[i] < add[a]:
			if d < len(del) && del[d] == base[i] {
				d++
			} else {
				out = append(out, base[i])
			}
			i++
		case i == len(base) || add[a] < base[i]:
			out = append(out, add[a])
			a++
		default:
			return nil, errors.New("新增的候选已在前一步的名单中")
		}
	}
	if d < len(del) {
		return nil, errors.New("删去的候选不在前一步的名单中")
	}
	return out, nil
}
