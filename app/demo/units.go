package demo

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"xuncha/app/vocab"
	"xuncha/model"
)

// countyInfo is what generation keeps about a county.
type countyInfo struct {
	code, name string
	stem       string   // 安平 of 安平县
	district   bool     // a 区: townships are 街道
	region     string   // 6-digit region code of its ID numbers
	units      []int    // indexes into d.Units
	office     int      // the county's inspection office (巡察办)
	byCat      [6][]int // units by category, in the order of vocab.Categories
	people     []int    // indexes into d.People
}

// unitInfo is what generation keeps about a unit.
type unitInfo struct {
	county   int
	parent   int   // index of the parent unit, -1 for none
	children []int // villages of a township
	leaders  []int // indexes into d.Leaders
}

// nativeElsewhere are native places outside the data set (籍贯 as text),
// with their region codes.
var nativeElsewhere = []struct{ name, region string }{
	{"江北省云溪县", "420623"}, {"江北省石门县", "420725"}, {"湖西省桂阳县", "450325"}, {"湖西省双峰县", "450413"},
}

func (g *gen) makeCounties() {
	r := g.rng(1)
	names := cityCounties
	if g.p.counties != len(cityCounties) {
		names = provinceCounties(r, g.p.counties)
	}
	for i, name := range names {
		c := countyInfo{
			code:     fmt.Sprintf("C%0*d", g.p.width, i+1),
			name:     name,
			stem:     strings.TrimSuffix(strings.TrimSuffix(name, "县"), "区"),
			district: strings.HasSuffix(name, "区"),
			region:   fmt.Sprintf("43%02d%02d", 12+i/8, 2+i%8),
		}
		g.counties = append(g.counties, c)
		g.d.Counties = append(g.d.Counties, model.County{Code: c.code, Name: name})
	}
}

// provinceCounties makes n distinct two-syllable county names, one in ten
// a district.
func provinceCounties(r *rand.Rand, n int) []string {
	var pairs []string
	for _, a := range countyFirst {
		for _, b := range countySecond {
			if a != b {
				pairs = append(pairs, a+b)
			}
		}
	}
	r.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
	out := make([]string, n)
	for i := range out {
		suffix := "县"
		if i%10 == 0 {
			suffix = "区"
		}
		out[i] = pairs[i] + suffix
	}
	return out
}

// choose picks n of the indexes 0…total-1 at random and returns them in
// increasing order.
func choose(r *rand.Rand, total, n int) []int {
	idx := r.Perm(total)[:min(n, total)]
	sort.Ints(idx)
	return idx
}

func (g *gen) makeUnits() {
	r := g.rng(2)
	mix := g.p.unitMix()
	for ci := range g.counties {
		c := &g.counties[ci]
		seq := 0
		add := func(name, cat string, parent int, posts []string, village bool) int {
			seq++
			code := fmt.Sprintf("U%s%02d", c.code[1:], seq)
			u := model.Unit{Code: code, Name: name, CountyCode: c.code, Category: cat}
			info := unitInfo{county: ci, parent: parent}
			if parent >= 0 {
				u.ParentCode = ptr(g.d.Units[parent].Code)
				g.units[parent].children = append(g.units[parent].children, len(g.d.Units))
			}
			g.d.Units = append(g.d.Units, u)
			g.units = append(g.units, info)
			i := len(g.d.Units) - 1
			c.units = append(c.units, i)
			c.byCat[catIndex(cat)] = append(c.byCat[catIndex(cat)], i)
			g.addLeaders(r, i, posts, village)
			return i
		}
		for _, k := range choose(r, len(countyOrgans), mix[0]) {
			add(c.name+countyOrgans[k].name, vocab.CatCountyOrgan, -1, organPosts, false)
		}
		for _, k := range choose(r, len(institutions), mix[1]) {
			add(c.name+institutions[k].name, vocab.CatInstitution, -1, institutionPosts(institutions[k].head), false)
		}
		for _, k := range choose(r, len(stateFirms), mix[2]) {
			add(c.name+stateFirms[k].name, vocab.CatStateFirm, -1, firmPosts, false)
		}
		towns := g.townships(r, c, mix[3])
		var townIdx []int
		for _, t := range towns {
			townIdx = append(townIdx, add(t, vocab.CatTownship, -1, townshipPosts(t), false))
		}
		for ti, n := range spread(r, mix[4], len(towns)) {
			for _, v := range villageNames(r, towns[ti], n) {
				posts := villagePosts
				if strings.HasSuffix(v, "社区") {
					posts = communityPosts
				}
				add(v, vocab.CatVillage, townIdx[ti], posts, true)
			}
		}
		others := append([]int{0}, choose(r, len(otherUnits)-1, mix[5]-1)...)
		for j, k := range others {
			if j > 0 {
				k++
			}
			name := fmt.Sprintf(otherUnits[k].name, c.name)
			i := add(name, vocab.CatOther, -1, otherPosts(otherUnits[k].head), false)
			if j == 0 {
				c.office = i
			}
		}
	}
}

// catIndex is the position of category cat in vocab.Categories.
func catIndex(cat string) int {
	for i, c := range vocab.Categories {
		if c == cat {
			return i
		}
	}
	return len(vocab.Categories) - 1
}

// townships names n townships of county c: the seat first.
func (g *gen) townships(r *rand.Rand, c *countyInfo, n int) []string {
	suffix := func() string {
		if c.district {
			return "街道"
		}
		if r.IntN(10) < 7 {
			return "镇"
		}
		return "乡"
	}
	seat := c.stem + "镇"
	if c.district {
		seat = c.stem + "街道"
	}
	out := []string{seat}
	for _, k := range r.Perm(len(townshipNames)) {
		if len(out) == n {
			break
		}
		if townshipNames[k] != c.stem {
			out = append(out, townshipNames[k]+suffix())
		}
	}
	return out
}

// spread splits total into n parts of at least one each.
func spread(r *rand.Rand, total, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = 1
	}
	for k := n; k < total; k++ {
		out[r.IntN(n)]++
	}
	return out
}

// villageNames names n villages and communities of township town, each
// name prefixed with the township's.
func villageNames(r *rand.Rand, town string, n int) []string {
	urban := strings.HasSuffix(town, "街道")
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		var v string
		community := r.IntN(100) < 15
		if urban {
			community = r.IntN(100) < 80
		}
		switch {
		case community:
			v = pick(r, communityNames) + "社区"
		case r.IntN(2) == 0:
			v = pickWeighted(r, surnames[:30]) + "家村"
		default:
			v = pick(r, villagePlaces) + "村"
		}
		if !seen[v] {
			seen[v] = true
			out = append(out, town+v)
		}
	}
	return out
}

// Leadership posts by category, in the order the members are listed.
var (
	organPosts     = []string{"党组书记、局长", "党组成员、副局长", "派驻纪检监察组组长", "党组成员、副局长", "副局长", "党组成员", "副局长"}
	firmPosts      = []string{"党委书记、董事长", "党委副书记、总经理", "纪委书记", "副总经理", "财务总监", "副总经理", "党委委员"}
	villagePosts   = []string{"村党支部书记、村委会主任", "村党支部副书记", "村委会副主任", "村务监督委员会主任", "村委会委员"}
	communityPosts = []string{"社区党委书记、居委会主任", "社区党委副书记", "居委会副主任", "居务监督委员会主任", "居委会委员"}
)

func institutionPosts(head string) []string {
	return []string{"党委书记", head, "党委副书记、副" + head, "纪委书记", "副" + head, "副" + head, "工会主席"}
}

func townshipPosts(town string) []string {
	switch {
	case strings.HasSuffix(town, "街道"):
		return []string{"党工委书记", "党工委副书记、办事处主任", "党工委副书记", "纪工委书记", "人大工委主任", "党工委委员、办事处副主任", "党工委委员、组织委员"}
	case strings.HasSuffix(town, "乡"):
		return []string{"党委书记", "党委副书记、乡长", "党委副书记", "纪委书记", "人大主席", "党委委员、副乡长", "党委委员、组织委员"}
	}
	return []string{"党委书记", "党委副书记、镇长", "党委副书记", "纪委书记", "人大主席", "党委委员、副镇长", "党委委员、组织委员"}
}

func otherPosts(head string) []string {
	switch head {
	case "书记":
		return []string{"书记", "副书记", "副书记", "副书记", "常委", "常委", "常委"}
	case "主任":
		return []string{"主任", "副主任", "副主任", "副主任", "综合科科长", "督查科科长", "一级主任科员"}
	}
	return []string{"党组书记、" + head, "党组成员、副" + head, "副" + head, "副" + head, "党组成员", "副" + head, "副" + head}
}

// addLeaders gives unit i its leadership: 3–7 members (3–5 in a village),
// most with an ID number.
func (g *gen) addLeaders(r *rand.Rand, i int, posts []string, village bool) {
	n := 3 + r.IntN(5)
	if village {
		n = 3 + r.IntN(3)
	}
	n = min(n, len(posts))
	c := &g.counties[g.units[i].county]
	seen := map[string]bool{}
	for k := 0; k < n; k++ {
		male := r.IntN(100) < 75
		name := fullName(r, "", male)
		for seen[name] {
			name = fullName(r, "", male)
		}
		seen[name] = true
		birth := birthAt(r, g.today, 30, 58)
		l := model.UnitLeader{UnitCode: g.d.Units[i].Code, Name: name, Post: posts[k]}
		if r.IntN(100) < 85 {
			region := c.region
			if r.IntN(10) == 0 {
				region = g.counties[r.IntN(len(g.counties))].region
			}
			l.IDNumber = g.idNumber(r, region, birth, male)
		}
		g.units[i].leaders = append(g.units[i].leaders, len(g.d.Leaders))
		g.d.Leaders = append(g.d.Leaders, l)
		g.leaders = append(g.leaders, birth)
	}
}
