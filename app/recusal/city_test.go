package recusal

import (
	"testing"

	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// cityWorld is the planted world with a 市本级 jurisdiction (清江市本级),
// its 市财政局, and a city cadre who works there.
func cityWorld() *snap.Snapshot {
	s := world()
	s.Counties = append(s.Counties, snap.County{Code: "C00", Name: "清江市本级", City: true})
	s.Units = append(s.Units, snap.Unit{Code: "U90", Name: "市财政局", County: "C00", Category: vocab.CatCountyOrgan})
	s.Index()
	return s
}

// R4 reads "county" as jurisdiction (SPEC §8.1): a city cadre comes from
// elsewhere for a county unit, a county cadre for a 市直 unit; a city
// cadre on a 市直 unit is local, except in a role the composition fills
// from 市本级.
func TestR4Jurisdictions(t *testing.T) {
	city := func(p *snap.Person) { p.Code, p.HomeCounty = "P0", "C00" }
	county := func(p *snap.Person) { p.HomeCounty = "C02" }
	remote := Defaults().RemoteRoles
	cases := []struct {
		name      string
		person    func(*snap.Person)
		unit      string
		cityRoles []string
		role      string
		expect    []want
		blocks    bool
	}{
		{"市本级干部任县区巡察组组长", city, "U02", nil, vocab.RoleLeader, nil, false},
		{"县区干部巡察市直单位为异地", county, "U90", nil, vocab.RoleMember, nil, false},
		{"市本级干部巡察市直单位：异地角色回避", city, "U90", nil, vocab.RoleMember,
			[]want{{R4, Hard, remote, "同属市本级"}}, true},
		{"市本级干部任市本级产生的组长", city, "U90", []string{vocab.RoleLeader}, vocab.RoleLeader,
			[]want{{R4, Hard, []string{vocab.RoleLiaison, vocab.RoleMember}, "同属市本级"}}, false},
		{"组长市本级产生时联络员仍回避", city, "U90", []string{vocab.RoleLeader}, vocab.RoleLiaison,
			[]want{{R4, Hard, []string{vocab.RoleLiaison, vocab.RoleMember}, "同属市本级"}}, true},
		{"市本级产生的角色不免除县区单位的地域回避", func(p *snap.Person) { p.HomeCounty = "C01" }, "U02", []string{vocab.RoleLeader}, vocab.RoleLeader,
			[]want{{R4, Hard, remote, "同属一县"}}, true},
		{"全部异地角色均由市本级产生", city, "U90", remote, vocab.RoleMember, nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set := Defaults()
			set.CityRoles = tc.cityRoles
			hs := New(cityWorld(), set).Unit(person(tc.person), tc.unit, ref)
			checkHits(t, hs, tc.expect)
			blocks := false
			for _, h := range hs {
				blocks = blocks || h.Blocks(tc.role)
			}
			if blocks != tc.blocks {
				t.Errorf("%s blocked: %v, want %v", tc.role, blocks, tc.blocks)
			}
		})
	}
}
