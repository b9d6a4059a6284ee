// Package vocab is the vocabulary of 巡察统筹: the words SPEC §2 fixes for
// unit categories, person statuses, pools, skills, round kinds and
// levels, assignment modes, jurisdiction levels, priorities, the origins
// of a composition row, team roles, evaluations and account roles.
//
// Every package that speaks these words takes them from here: the stored
// values model keeps, the checks of the forms, workbooks and data
// packages, the rules of recusal and assign, the calendar's exports and
// the screens' choices. A word is spelled once, so a stored 成员 is the
// 成员 the solver fills and the screen offers. The lists give the display
// order; a package that needs another order keeps its own ranking, not a
// copy of the words.
//
// The package imports nothing, so the algorithmic packages, which must not
// reach the database, may use it.
package vocab

// Unit categories (单位类别).
const (
	CatCountyOrgan = "县直机关"
	CatInstitution = "事业单位"
	CatStateFirm   = "国有企业"
	CatTownship    = "乡镇街道"
	CatVillage     = "村社区"
	CatOther       = "其他"
)

// Categories lists the unit categories in display order.
var Categories = []string{CatCountyOrgan, CatInstitution, CatStateFirm, CatTownship, CatVillage, CatOther}

// Person statuses (状态). Only StatusActive people are drafted.
const (
	StatusActive    = "在库"
	StatusSuspended = "暂停"
	StatusRemoved   = "出库"
)

// Statuses lists the person statuses in display order.
var Statuses = []string{StatusActive, StatusSuspended, StatusRemoved}

// Pools (人员库).
const (
	PoolLeader = "组长库"
	PoolStaff  = "工作人员库"
	PoolExpert = "专业人员库"
)

// Pools lists the three pools in display order.
var Pools = []string{PoolLeader, PoolStaff, PoolExpert}

// Skills lists the accepted 专业特长 in display order.
var Skills = []string{"财务", "审计", "法律", "纪检监察", "组织人事", "工程建设", "党建", "信访", "其他"}

// Round kinds (巡察类型, SPEC §8.1): what a round looks at.
const (
	KindRegular = "常规"
	KindSpecial = "专项"
	KindMobile  = "机动"
	KindReview  = "回头看"
)

// RoundKinds lists the kinds of a round (巡察类型) in display order.
var RoundKinds = []string{KindRegular, KindSpecial, KindMobile, KindReview}

// Round levels (组织方式, SPEC §8.1): who organises a round and how.
const (
	LevelOwn    = "本级"
	LevelRaised = "提级"
	LevelCross  = "交叉"
	LevelLinked = "上下联动"
	LevelAudit  = "巡审联动"
)

// RoundLevels lists the levels of a round (组织方式) in display order.
var RoundLevels = []string{LevelOwn, LevelRaised, LevelCross, LevelLinked, LevelAudit}

// LevelOfKindWord reads a word written where a 巡察类型 belongs that is an
// 组织方式 (交叉, 提级, 联动, 上下联动, 巡审联动): before Part II a round had
// one type, and old workbooks, packages and databases wrote these there.
// It returns the 组织方式 meant (联动 is 上下联动) and whether w was one.
func LevelOfKindWord(w string) (string, bool) {
	switch w {
	case "联动", LevelLinked:
		return LevelLinked, true
	case LevelRaised, LevelCross, LevelAudit:
		return w, true
	}
	return "", false
}

// Jurisdiction levels (级别 of a 县区, SPEC §8.1): the city's own level
// (市本级: 市直机关, 市属国企, city cadres) or a county or district.
const (
	LevelCity   = "市本级"
	LevelCounty = "县区"
)

// CountyLevels lists the levels of a jurisdiction; a blank 级别 is 县区.
var CountyLevels = []string{LevelCity, LevelCounty}

// Priorities lists the 重点等级 of a unit (SPEC §8.2): A is inspected early.
var Priorities = []string{"A", "B", "C"}

// Where the people of a composition row come from (SPEC §8.1 amending
// §5): the inspected jurisdiction, any other, a 市本级 jurisdiction, or
// anywhere.
const (
	FromLocal     = "本地"
	FromElsewhere = "异地"
	FromCity      = "市本级"
	FromAny       = "不限"
)

// Origins lists the origins of a composition row in display order.
var Origins = []string{FromLocal, FromElsewhere, FromCity, FromAny}

// Assignment modes (编组方式).
const (
	ModeMixed = "混合编组"  // every non-local slot from any other county
	ModeSwap  = "成建制交叉" // each county's teams staffed from one other county
	ModeLocal = "本县"    // no cross-county rule; every slot from the team's county
)

// Modes lists the assignment modes.
var Modes = []string{ModeMixed, ModeSwap, ModeLocal}

// Team roles (角色).
const (
	RoleLeader   = "组长"
	RoleDeputy   = "副组长"
	RoleFullTime = "专职工作人员"
	RoleLiaison  = "联络员"
	RoleMember   = "成员"
)

// Roles lists the team roles in roster order.
var Roles = []string{RoleLeader, RoleDeputy, RoleFullTime, RoleLiaison, RoleMember}

// Evaluations lists the grades (鉴定) a member can get after a round.
var Evaluations = []string{"优秀", "称职", "基本称职", "不称职"}

// Account roles: who may do what (see package auth).
const (
	UserAdmin  = "管理员"
	UserClerk  = "经办人"
	UserLeader = "领导"
)

// The states of a 鉴定 (SPEC §11.2): proposed after the round, then
// confirmed by the office. Only confirmed grades count (R9).
const (
	EvalProposed  = "拟定"
	EvalConfirmed = "确定"
)

// EvalStates lists the states of a 鉴定.
var EvalStates = []string{EvalProposed, EvalConfirmed}

// The grades of Evaluations that R9 looks at.
const (
	EvalUnfit    = "不称职"
	EvalBarelyOK = "基本称职"
)

// Kinds of a non-family tie (社会关系, SPEC §10.1). The first two are close
// ties, which bind for N years after they end; the others only warn.
const (
	TieSuperior  = "曾上下级"
	TieColleague = "曾同班子"
	TieClassmate = "同学"
	TieTeacher   = "师生"
	TieOther     = "其他利害关系"
)

// TieRelations lists the kinds of a tie in display order.
var TieRelations = []string{TieSuperior, TieColleague, TieClassmate, TieTeacher, TieOther}

// CloseTie reports whether a tie of kind rel is a close one (曾上下级,
// 曾同班子).
func CloseTie(rel string) bool { return rel == TieSuperior || rel == TieColleague }

// Where a 回避申报 comes from (SPEC §10.3); empty reads as DeclSelf.
const (
	DeclSelf   = "本人申报"
	DeclUnit   = "被巡察单位提出"
	DeclReview = "组织审查"
)

// DeclarationSources lists the sources of a 回避申报.
var DeclarationSources = []string{DeclSelf, DeclUnit, DeclReview}

// NotRecused is the handling of a 回避申报 a 领导 examined and rejected: it
// does not bind and gives no hit. An empty handling binds.
const NotRecused = "不予回避"

// Through what a person's status changed, as the status history records
// it.
const (
	ViaForm    = "表单"
	ViaImport  = "导入"
	ViaPackage = "数据包"
	ViaDemo    = "演示数据"
)

// The states of an override (回避豁免, SPEC §10.3): requested, then
// approved or refused by a 领导; an approved one may be withdrawn.
const (
	OverridePending   = "待批"
	OverrideApproved  = "已批准"
	OverrideRefused   = "已驳回"
	OverrideWithdrawn = "已撤销"
)

// OverrideStates lists the states of an override in display order.
var OverrideStates = []string{OverridePending, OverrideApproved, OverrideRefused, OverrideWithdrawn}
