package demo

import (
	"fmt"
	"math/rand/v2"

	"xuncha/app/civil"
)

// checkDigit is the GB 11643 check character of the first 17 digits of an
// ID number.
func checkDigit(first17 string) byte {
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * weights[i]
	}
	return "10X98765432"[sum%11]
}

// idNumber makes a valid ID number, not used before, for someone born on
// birth in the region with the 6-digit code region; the sequence number is
// odd for men and even for women, as the standard has it.
func (g *gen) idNumber(r *rand.Rand, region string, birth civil.Date, male bool) string {
	for {
		seq := 2 * r.IntN(500)
		if male {
			seq++
		}
		s := fmt.Sprintf("%s%04d%02d%02d%03d", region, birth.Year(), int(birth.Month()), birth.Day(), seq)
		s += string(checkDigit(s))
		if !g.usedIDs[s] {
			g.usedIDs[s] = true
			return s
		}
	}
}

// birthAt draws a birth date of someone aged between lo and hi (inclusive)
// on day.
func birthAt(r *rand.Rand, day civil.Date, lo, hi int) civil.Date {
	age := lo + r.IntN(hi-lo+1)
	return day.AddYears(-age - 1).AddDays(1 + r.IntN(365))
}
