package recusal

import (
	"bytes"
	"path/filepath"
	"reflect"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// TestDegenerateData checks people, units and rounds with nothing filled
// in, or naming what does not exist: no rule may panic on them.
func TestDegenerateData(t *testing.T) {
	cases := []struct {
		name string
		s    *snap.Snapshot
		none bool // no rule can hit
	}{
		{name: "人员没有任何资料", none: true, s: &snap.Snapshot{People: []snap.Person{{Code: "P1"}},
			Rounds: []snap.Round{{Code: "R1", Teams: []snap.Team{{Name: "第一组", Units: []snap.TeamUnit{{Unit: "U1"}}, Members: []snap.Member{{Person: "P1"}}}}}}}},
		{name: "资料指向不存在的单位和人员", s: &snap.Snapshot{
			People: []snap.Person{{Code: "P1", Status: "在库", Pools: snap.StaffPool, CurrentUnit: "U9", HomeCounty: "C9", Native: "无此县",
				History:      []snap.Stint{{Unit: "U9"}, {Unit: "", From: civil.MustParse("2020-01-01")}},
				Relatives:    []snap.Relative{{Name: "", Relation: ""}, {Name: "王五", Relation: "配偶", Person: "P9", Unit: "U9", Leader: true}, {Relation: "父母", Person: "P1"}},
				Declarations: []snap.Declaration{{Unit: "U9"}, {}}}},
			Units:   []snap.Unit{{Code: "U1", Parent: "U1"}, {Code: "U2", Parent: "U3"}, {Code: "U3", Parent: "U2"}},
			Leaders: []snap.Leader{{Unit: "U9", Name: ""}, {Unit: "U1", Name: "王五"}},
			Rounds: []snap.Round{{Code: "R1", Teams: []snap.Team{
				{Name: "第一组", Units: []snap.TeamUnit{{Unit: "U1"}, {Unit: "U2"}, {Unit: "U9"}}, Members: []snap.Member{{Person: "P1"}, {Person: "P9"}, {Person: "P1"}}},
				{Name: "第二组"}}}},
			Overrides: []snap.Override{{Round: "R1", Team: "第一组", Person: "P1", Rule: R1, Approved: true}, {Round: "R9", Team: "无此组"}}}},
		{name: "轮次没有巡察组", none: true, s: &snap.Snapshot{People: []snap.Person{{Code: "P1", Status: "在库", Pools: snap.LeaderPool}}, Rounds: []snap.Round{{Code: "R1"}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.s.Index()
			for _, set := range []Settings{Defaults(), {Depth: 5, Years: 0, LongStintYears: 0}, {Depth: -1, Years: -3}} {
				c := New(tc.s, set)
				for i := range tc.s.Rounds {
					r := &tc.s.Rounds[i]
					hits := c.Round(r)
					if again := New(tc.s, set).Round(r); !reflect.DeepEqual(hits, again) {
						t.Errorf("two checks of %s differ:\n%v\n%v", r.Code, hits, again)
					}
					if tc.none && len(hits) > 0 {
						t.Errorf("hits on nothing: %v", hits)
					}
					hits = append(hits, c.Roster(r)...)
					rep := c.Report(r, hits)
					rep.Summary()
					for _, key := range []string{ByTeam, "", "无此列"} {
						rep.Sort(key, true)
					}
					rep.WriteXLSX(filepath.Join(t.TempDir(), "r.xlsx"), "")
					WriteJSON(&bytes.Buffer{}, r.Code, hits)
					for j := range r.Teams {
						for k := range tc.s.People {
							c.Team(&tc.s.People[k], r, &r.Teams[j])
						}
						c.Team(&snap.Person{Code: "外来"}, r, &r.Teams[j])
					}
				}
				for k := range tc.s.People {
					p := &tc.s.People[k]
					for _, u := range []string{"U1", "U9", ""} {
						c.Unit(p, u, 0)
					}
					c.Pair(p, p)
					c.Pair(p, &snap.Person{})
				}
			}
		})
	}
}
