package datapkg

import (
	"fmt"
	"slices"
	"strings"
)

// A package declares the counties it was exported for (Manifest.Counties),
// and importing it may change only their data. Rows of other counties come
// along only as references (a parent unit, a former workplace, the county
// of such a unit) and are added when missing, never changed. The scope is
// enforced twice: on the package's own rows (checkScope: a row that an
// export of those counties cannot hold means a forged or broken package,
// refused whole), and against the database inside the import (scope: a row
// that would change data the database keeps under another county is left
// out and reported).

// checkScope refuses a package that holds rows no export of its declared
// counties holds: a person whose 工作关系地 is another county, a leader or
// a team's unit in another county, a team without units (whose county
// cannot be told).
func checkScope(d *Data, counties []string) error {
	in := set(counties)
	unitCounty := make(map[string]string, len(d.Units))
	for _, u := range d.Units {
		unitCounty[u.Code] = u.County
	}
	decl := strings.Join(counties, "、")
	for _, p := range d.People {
		if !in[p.HomeCounty] {
			return outOfScope(decl, EntPerson, p.Code, "工作关系地为 "+p.HomeCounty)
		}
	}
	for _, l := range d.Leaders {
		if c := unitCounty[l.Unit]; !in[c] {
			return outOfScope(decl, EntLeader, l.key(), "所在单位属于县区 "+c)
		}
	}
	hasUnit := map[teamKey]bool{}
	for _, u := range d.TeamUnits {
		if c := unitCounty[u.Unit]; !in[c] {
			return outOfScope(decl, EntTeamUnit, u.key(), "被巡察单位属于县区 "+c)
		}
		hasUnit[teamKey{u.Round, u.Team}] = true
	}
	for _, t := range d.Teams {
		if !hasUnit[teamKey{t.Round, t.Name}] {
			return outOfScope(decl, EntTeam, t.key(), "没有被巡察单位，无法确定所属县区")
		}
	}
	for _, x := range d.Plans {
		if c := unitCounty[x.Unit]; !in[c] {
			return outOfScope(decl, EntPlan, x.key(), "计划的单位属于县区 "+c)
		}
	}
	return checkResultsScope(d, decl)
}

// scope is the declared counties with what the database says about them:
// which of its teams, rounds and terms reach other counties.
type scope struct {
	in           map[string]bool
	decl         string               // the declared counties, for messages
	teamCounty   map[teamKey][]string // the counties of a stored team's units, sorted
	roundOutside map[string]bool      // a stored round with a team in another county
	termOutside  map[string]bool      // a stored term with such a round
}

// newScope works out the scope of counties over the database's rows.
func newScope(counties []string, local *Data) *scope {
	s := &scope{in: set(counties), decl: strings.Join(counties, "、"), teamCounty: map[teamKey][]string{},
		roundOutside: map[string]bool{}, termOutside: map[string]bool{}}
	unitCounty := make(map[string]string, len(local.Units))
	for _, u := range local.Units {
		unitCounty[u.Code] = u.County
	}
	for _, u := range local.TeamUnits {
		k := teamKey{u.Round, u.Team}
		c := unitCounty[u.Unit]
		if !slices.Contains(s.teamCounty[k], c) {
			s.teamCounty[k] = append(s.teamCounty[k], c)
			slices.Sort(s.teamCounty[k])
		}
		if !s.in[c] {
			s.roundOutside[u.Round] = true
		}
	}
	for _, r := range local.Rounds {
		if s.roundOutside[r.Code] {
			s.termOutside[r.Term] = true
		}
	}
	return s
}

// kept is a row of the package that would change a row the database keeps
// outside the scope: left out, the database's row kept, and nothing that
// hangs on it blocked (it is there).
func (s *scope) kept(what, code string) string {
	return fmt.Sprintf("%s %s 涉及数据包声明范围（%s）以外的县区，保留本库数据", what, code, s.decl)
}

// teamProblem says why a team of the package cannot be merged into the
// stored team of the same round and name, or "": the stored team inspects
// units of a county outside the scope, or of another county than the
// package's team.
func (s *scope) teamProblem(k teamKey, county string) string {
	cs := s.teamCounty[k]
	for _, c := range cs {
		if !s.in[c] {
			return fmt.Sprintf("巡察组 %s 在本库巡察县区 %s 的单位，不在数据包声明的范围（%s）内", k.Name, c, s.decl)
		}
	}
	if len(cs) > 0 && county != "" && (len(cs) > 1 || cs[0] != county) {
		return fmt.Sprintf("巡察组 %s 在本库巡察县区 %s 的单位，数据包中巡察县区 %s 的单位；同一巡察组的单位须在同一县区",
			k.Name, strings.Join(cs, "、"), county)
	}
	return ""
}
