package app

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"xuncha/model"
)

// Two clerks open the same record in their forms; the first save goes
// through, the second is refused with who saved first, writes nothing,
// and goes through once the form is loaded again. Each form's entity:
// person, unit, term, round.
func TestFormSavesRefuseAnotherClerksNewerChange(t *testing.T) {
	zhang := formWorld(t)
	zhang.User = "张三"
	li := &Service{DB: zhang.DB, User: "李四"}
	cases := []struct {
		entity string
		save   func(s *Service, edit string) func() error // reads now, saves later
		stored func() string
	}{
		{"人员", func(s *Service, edit string) func() error {
			d, err := s.PersonDetail("P001")
			if err != nil {
				t.Fatal(err)
			}
			return func() error { d.Person.Post = edit; return s.SavePerson(d) }
		}, func() string { d, _ := zhang.PersonDetail("P001"); return d.Person.Post }},
		{"单位", func(s *Service, edit string) func() error {
			d, err := s.UnitDetail("U01")
			if err != nil {
				t.Fatal(err)
			}
			return func() error { d.Unit.Name = edit; return s.SaveUnit(d) }
		}, func() string { d, _ := zhang.UnitDetail("U01"); return d.Unit.Name }},
		{"届期", func(s *Service, edit string) func() error {
			terms, _ := s.Terms()
			term := terms[0]
			return func() error { term.Name = edit; return s.SaveTerm(term, nil) }
		}, func() string { terms, _ := zhang.Terms(); return terms[0].Name }},
		{"轮次", func(s *Service, edit string) func() error {
			rounds, _ := s.Rounds("T1")
			r := rounds[0]
			return func() error { r.Name = edit; return s.SaveRound(r) }
		}, func() string { rounds, _ := zhang.Rounds("T1"); return rounds[0].Name }},
	}
	for _, c := range cases {
		t.Run(c.entity, func(t *testing.T) {
			first, second := c.save(zhang, "张三改"), c.save(li, "李四改")
			if err := first(); err != nil {
				t.Fatal(err)
			}
			err := second()
			if !IsConflict(err) || !strings.Contains(err.Error(), "该记录已被 张三 于 ") || !strings.Contains(err.Error(), "修改，请刷新后重试") {
				t.Fatalf("second save: %v", err)
			}
			if got := c.stored(); got != "张三改" {
				t.Errorf("stored %q after the refused save", got)
			}
			if err := c.save(li, "李四改")(); err != nil {
				t.Fatalf("save after reloading: %v", err)
			}
			if got := c.stored(); got != "李四改" {
				t.Errorf("stored %q after reloading and saving", got)
			}
		})
	}
}

// Clerks save the same people at once, each from what they read: every
// save either lands or is refused as a conflict (none lost, none saved
// over another), the versions count exactly the saves that landed, and
// the audit log is one unbroken chain holding one entry per landed save.
// On PostgreSQL (XUNCHA_TEST_DB=postgres) they really run side by side in
// serializable transactions; on SQLite the file's write lock orders them.
func TestConcurrentClerksLoseNoUpdate(t *testing.T) {
	base := formWorld(t)
	var before int64
	base.DB.Model(&model.AuditEntry{}).Count(&before)
	const clerks, rounds = 6, 5
	people := []string{"P001", "P002"}
	var mu sync.Mutex
	saved := map[string]int{}
	conflicts := 0
	var wg sync.WaitGroup
	for c := range clerks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := &Service{DB: base.DB, User: fmt.Sprintf("经办人%d", c)}
			for i := range rounds {
				code := people[(c+i)%len(people)]
				d, err := s.PersonDetail(code)
				if err != nil {
					t.Error(err)
					return
				}
				d.Person.Post = fmt.Sprintf("%d-%d", c, i)
				err = s.SavePerson(d)
				mu.Lock()
				switch {
				case err == nil:
					saved[code]++
				case IsConflict(err):
					conflicts++
				default:
					t.Errorf("%s: %v", s.User, err)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, code := range people {
		d, _ := base.PersonDetail(code)
		if d.Person.Version != saved[code] {
			t.Errorf("%s: version %d, %d saves landed", code, d.Person.Version, saved[code])
		}
		total += saved[code]
	}
	if total+conflicts != clerks*rounds {
		t.Errorf("%d saved + %d refused != %d tried", total, conflicts, clerks*rounds)
	}
	var after int64
	base.DB.Model(&model.AuditEntry{}).Count(&after)
	if int(after-before) != total {
		t.Errorf("%d audit entries for %d saves", after-before, total)
	}
	if probs, err := base.VerifyAudit(); err != nil || len(probs) > 0 {
		t.Errorf("audit chain: %v %v", probs, err)
	}
	t.Logf("%d saves, %d refused as conflicts", total, conflicts)
}
