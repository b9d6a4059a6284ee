package workbook

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"gorm.io/gorm"

	"xuncha/app/vocab"
	"xuncha/model"
)

// termRow is a row of 届期: the term and its scope (巡察范围), the units it
// must cover as rules of county and category (model.TermScope), written in
// one cell.
type termRow struct {
	model.Term
	Scope string // the rules as scopeText writes them; "" for every unit
}

// scopeAll is the rule "any county, any category".
const scopeAll = "全部"

// scopeCol is 巡察范围: rules separated by 、, each a county code (its
// every unit), a category (every unit of it), 县区编码/单位类别 (both), or 全部.
func scopeCol() field[termRow] {
	return field[termRow]{
		column: column{name: "巡察范围", help: "本届须巡察的单位，可填多条，用 、 分隔：县区编码（该县区全部单位）、单位类别（" +
			strings.Join(vocab.Categories, "、") + "）、县区编码/单位类别，或 全部；空白为全部单位"},
		get: func(v *termRow) string { return v.Scope },
		set: func(v *termRow, s string) string {
			rules, msg := parseScope(s)
			if msg != "" {
				return msg
			}
			v.Scope = scopeText(rules)
			return ""
		},
	}
}

// parseScope reads a 巡察范围 cell into rules (TermCode left blank).
func parseScope(s string) ([]model.TermScope, string) {
	var out []model.TermScope
	items := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || unicode.IsSpace(r)
	})
	for _, item := range items {
		county, cat, both := strings.Cut(strings.ReplaceAll(item, "／", "/"), "/")
		county, cat = strings.TrimSpace(county), strings.TrimSpace(cat)
		switch {
		case both:
		case item == scopeAll:
			county = ""
		case inList(item, vocab.Categories):
			county, cat = "", item
		}
		if cat != "" && !inList(cat, vocab.Categories) {
			return nil, fmt.Sprintf("“%s”中的单位类别“%s”无效，应为：%s", item, cat, strings.Join(vocab.Categories, "、"))
		}
		out = append(out, model.TermScope{CountyCode: county, Category: cat})
	}
	return out, ""
}

// scopeText writes rules as a 巡察范围 cell, in county and category order
// without repeats, so that equal scopes read the same.
func scopeText(rules []model.TermScope) string {
	rs := append([]model.TermScope(nil), rules...)
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].CountyCode != rs[j].CountyCode {
			return rs[i].CountyCode < rs[j].CountyCode
		}
		return rs[i].Category < rs[j].Category
	})
	var items []string
	for i, r := range rs {
		if i > 0 && r.CountyCode == rs[i-1].CountyCode && r.Category == rs[i-1].Category {
			continue
		}
		switch {
		case r.CountyCode == "" && r.Category == "":
			items = append(items, scopeAll)
		case r.CountyCode == "":
			items = append(items, r.Category)
		case r.Category != "":
			items = append(items, r.CountyCode+"/"+r.Category)
		case r.CountyCode == scopeAll || inList(r.CountyCode, vocab.Categories):
			items = append(items, r.CountyCode+"/") // a county named like a category
		default:
			items = append(items, r.CountyCode)
		}
	}
	return strings.Join(items, "、")
}

// scopeRules returns the stored rules of term t as its row holds them.
func scopeRules(t *termRow) []model.TermScope {
	rules, _ := parseScope(t.Scope)
	for i := range rules {
		rules[i].TermCode = t.Code
	}
	return rules
}

// checkScopeCounties rejects the 届期 rows whose 巡察范围 names a county
// that is neither in the file nor in the database.
func checkScopeCounties(recs []rec[termRow], counties *codeSet, c *collector) {
	col := termSheet.index("巡察范围")
	for i := range recs {
		r := &recs[i]
		if !r.ok || !r.present[col] {
			continue
		}
		for _, rule := range scopeRules(&r.v) {
			if msg := (refSets{refCounty: counties}).problem(refCounty, rule.CountyCode); msg != "" {
				c.add(r.at, "巡察范围", msg)
				r.ok = false
				break
			}
		}
	}
}

// loadTerms reads the terms with their scopes, by code.
func loadTerms(db *gorm.DB) (map[string]termRow, error) {
	terms, err := loadMap(db, func(t *model.Term) string { return t.Code })
	if err != nil {
		return nil, err
	}
	var scopes []model.TermScope
	if err := db.Order("term_code, county_code, category").Find(&scopes).Error; err != nil {
		return nil, err
	}
	rules := make(map[string][]model.TermScope)
	for _, sc := range scopes {
		rules[sc.TermCode] = append(rules[sc.TermCode], sc)
	}
	out := make(map[string]termRow, len(terms))
	for code, t := range terms {
		out[code] = termRow{Term: t, Scope: scopeText(rules[code])}
	}
	return out, nil
}

// writeTerms saves the terms to add and update, each with its scope in
// place of the stored one.
func writeTerms(tx *gorm.DB, adds, updates []termRow) error {
	plain := func(rows []termRow) []model.Term {
		out := make([]model.Term, len(rows))
		for i := range rows {
			out[i] = rows[i].Term
		}
		return out
	}
	if err := apply(tx, plain(adds), plain(updates)); err != nil {
		return err
	}
	var rules []model.TermScope
	var codes []string
	for _, rows := range [][]termRow{adds, updates} {
		for i := range rows {
			codes = append(codes, rows[i].Code)
			rules = append(rules, scopeRules(&rows[i])...)
		}
	}
	for start := 0; start < len(codes); start += 500 {
		batch := codes[start:min(start+500, len(codes))]
		if err := tx.Where("term_code IN ?", batch).Delete(&model.TermScope{}).Error; err != nil {
			return err
		}
	}
	return model.InsertMany(tx, rules)
}
