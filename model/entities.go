package model

// County is a jurisdiction (县区): a county or district, or the city's own
// level (SPEC §8.1).
type County struct {
	Code string `gorm:"primaryKey;size:32"`
	Name string `gorm:"size:64;not null"`

	// 级别: vocab.LevelCity (市本级) or vocab.LevelCounty; "" is 县区.
	Level string `gorm:"size:8"`
}

// Unit is a party organisation that can be inspected (被巡察单位).
type Unit struct {
	Code       string  `gorm:"primaryKey;size:32"`
	Name       string  `gorm:"size:128;not null;index"`
	CountyCode string  `gorm:"size:32;not null;index"`
	County     *County `gorm:"foreignKey:CountyCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Category   string  `gorm:"size:16;not null"`
	ParentCode *string `gorm:"size:32;index"`
	Parent     *Unit   `gorm:"foreignKey:ParentCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:SET NULL"`
	Stamp

	// SPEC §8.2: the unit's 领域 (free words joined by 、) and its 重点等级
	// (A, B, C; "" none).
	Sectors  string `gorm:"size:256"`
	Priority string `gorm:"size:2"`
}

// UnitLeader is a member of a unit's leadership (领导班子成员).
type UnitLeader struct {
	ID       uint   `gorm:"primaryKey"`
	UnitCode string `gorm:"size:32;not null;uniqueIndex:idx_leader_unit_name"`
	Unit     *Unit  `gorm:"foreignKey:UnitCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	Name     string `gorm:"size:64;not null;uniqueIndex:idx_leader_unit_name"`
	Post     string `gorm:"size:64"`
	IDNumber string `gorm:"size:18;index"`
}

// Person is anyone who may be drafted into an inspection team (人员).
type Person struct {
	Code            string  `gorm:"primaryKey;size:32"`
	Name            string  `gorm:"size:64;not null;index"`
	Gender          string  `gorm:"size:4"`
	BirthDate       string  `gorm:"size:10"`
	IDNumber        string  `gorm:"size:18;index"`
	HomeCountyCode  string  `gorm:"size:32;not null;index"`
	HomeCounty      *County `gorm:"foreignKey:HomeCountyCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	NativePlace     string  `gorm:"size:64"` // 籍贯: a county code or free text
	CurrentUnitCode *string `gorm:"size:32;index"`
	CurrentUnit     *Unit   `gorm:"foreignKey:CurrentUnitCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:SET NULL"`
	Post            string  `gorm:"size:64"`
	Rank            string  `gorm:"size:32"`
	InLeaderPool    bool    `gorm:"not null;default:false"`
	InStaffPool     bool    `gorm:"not null;default:false"`
	InExpertPool    bool    `gorm:"not null;default:false"`
	FullTime        bool    `gorm:"not null;default:false"`
	Skills          string  `gorm:"size:128"` // canonical skills joined by 、 in the order of vocab.Skills
	Status          string  `gorm:"size:8;not null;default:在库;index"`
	PromotedOn      string  `gorm:"size:10"` // 新提拔日期
	// The pool over time (SPEC §11.1): the unit whose party organisation
	// recommended the person, the day they entered the pool, and why the
	// status is what it is. Every change of Status is kept in StatusChange.
	RecommendUnitCode *string `gorm:"size:32;index"` // 推荐单位编码
	RecommendUnit     *Unit   `gorm:"foreignKey:RecommendUnitCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:SET NULL"`
	JoinedOn          string  `gorm:"size:10"`  // 入库日期
	StatusReason      string  `gorm:"size:256"` // 状态原因
	Stamp
}

// WorkHistory is one stint of a person's work history (工作经历).
type WorkHistory struct {
	ID         uint    `gorm:"primaryKey"`
	PersonCode string  `gorm:"size:32;not null;uniqueIndex:idx_history_key"`
	Person     *Person `gorm:"foreignKey:PersonCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	UnitCode   string  `gorm:"size:32;not null;uniqueIndex:idx_history_key;index"`
	Unit       *Unit   `gorm:"foreignKey:UnitCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	StartDate  string  `gorm:"size:10;not null;uniqueIndex:idx_history_key"`
	EndDate    string  `gorm:"size:10"` // empty: current
}

// Relative is a relative a person has declared (亲属关系).
type Relative struct {
	ID               uint    `gorm:"primaryKey"`
	PersonCode       string  `gorm:"size:32;not null;uniqueIndex:idx_relative_key"`
	Person           *Person `gorm:"foreignKey:PersonCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	Name             string  `gorm:"size:64;not null;uniqueIndex:idx_relative_key"`
	Relation         string  `gorm:"size:16;not null"` // canonical word of SPEC §4.1
	IDNumber         string  `gorm:"size:18;index"`
	RelativePerson   string  `gorm:"size:32;index"` // 亲属人员编号: another pool member
	UnitCode         *string `gorm:"size:32;index"`
	Unit             *Unit   `gorm:"foreignKey:UnitCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:SET NULL"`
	Post             string  `gorm:"size:64"`
	IsUnitLeadership bool    `gorm:"not null;default:false"`
}

// Declaration is a conflict a person declared with a unit (回避申报).
type Declaration struct {
	ID         uint    `gorm:"primaryKey"`
	PersonCode string  `gorm:"size:32;not null;uniqueIndex:idx_declaration_key"`
	Person     *Person `gorm:"foreignKey:PersonCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	UnitCode   string  `gorm:"size:32;not null;uniqueIndex:idx_declaration_key"`
	Unit       *Unit   `gorm:"foreignKey:UnitCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	Reason     string  `gorm:"size:256;not null"`
	// SPEC §10.3: where the declaration came from (本人申报, 被巡察单位提出,
	// 组织审查; empty reads 本人申报) and how it was dealt with: an empty
	// Handling binds; 不予回避 was examined and rejected by a 领导 (Handler,
	// with HandlingReason) and gives no hit.
	Source         string `gorm:"size:16"`
	Handling       string `gorm:"size:8"`
	Handler        string `gorm:"size:64"`
	HandlingReason string `gorm:"size:256"`
}

// Term is a party-committee term (届期) whose units must all be inspected once.
type Term struct {
	Code      string `gorm:"primaryKey;size:32"`
	Name      string `gorm:"size:64"`
	StartDate string `gorm:"size:10;not null"`
	EndDate   string `gorm:"size:10;not null"`
	Stamp
}

// TermScope is one rule of the units a term must cover: every unit of the
// county (empty: any county) and category (empty: any category). A term
// without scope rows must cover every unit.
type TermScope struct {
	ID         uint   `gorm:"primaryKey"`
	TermCode   string `gorm:"size:32;not null;uniqueIndex:idx_termscope_key"`
	Term       *Term  `gorm:"foreignKey:TermCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	CountyCode string `gorm:"size:32;uniqueIndex:idx_termscope_key"`
	Category   string `gorm:"size:16;uniqueIndex:idx_termscope_key"`
}

// Round is one round of inspection inside a term (轮次). The stage dates are
// the round's; teams may carry their own on-site dates. A round has three
// independent properties (SPEC §8.1): Type is its 巡察类型 (vocab.RoundKinds),
// Level its 组织方式 (vocab.RoundLevels), Mode its 编组方式 (vocab.Modes).
type Round struct {
	Code         string `gorm:"primaryKey;size:32"`
	TermCode     string `gorm:"size:32;not null;index"`
	Term         *Term  `gorm:"foreignKey:TermCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Number       int    `gorm:"not null;default:0"`
	Name         string `gorm:"size:64"`
	Type         string `gorm:"size:16"`
	Mode         string `gorm:"size:16"`
	PrepStart    string `gorm:"size:10"` // 准备
	OnsiteStart  string `gorm:"size:10"` // 进驻开始
	OnsiteEnd    string `gorm:"size:10"` // 进驻结束
	ReportEnd    string `gorm:"size:10"` // 报告
	FeedbackDate string `gorm:"size:10"` // 反馈
	RectifyDue   string `gorm:"size:10"` // 整改报告期限
	CheckDate    string `gorm:"size:10"` // 督查验收
	Stamp

	Level string `gorm:"size:16"` // 组织方式
	// Links are the codes of the rounds linked with this one (联动轮次,
	// 上下联动), sorted and joined by 、; a link holds both ways.
	Links string `gorm:"size:512"`
	// The 巡审联动 requirement (SPEC §8.1): every team needs a member whose
	// current unit is one of JointUnits or of one of JointCategories (codes
	// and categories joined by 、); both empty: no requirement.
	JointUnits      string `gorm:"size:512"`
	JointCategories string `gorm:"size:128"`
}

// Team is one inspection team of a round (巡察组). Its name is unique in the round.
type Team struct {
	ID          uint   `gorm:"primaryKey"`
	RoundCode   string `gorm:"size:32;not null;uniqueIndex:idx_team_round_name"`
	Round       *Round `gorm:"foreignKey:RoundCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	Name        string `gorm:"size:64;not null;uniqueIndex:idx_team_round_name"`
	Seq         int    `gorm:"not null;default:0"` // order of the team in the round
	OnsiteStart string `gorm:"size:10"`
	OnsiteEnd   string `gorm:"size:10"`
	Stamp              // counted up by every change of the team's dates or units
}

// TeamUnit is a unit a team inspects. A unit is inspected by one team per round.
type TeamUnit struct {
	ID        uint   `gorm:"primaryKey"`
	TeamID    uint   `gorm:"not null;index"`
	Team      *Team  `gorm:"constraint:OnDelete:CASCADE"`
	RoundCode string `gorm:"size:32;not null;uniqueIndex:idx_teamunit_round_unit"`
	UnitCode  string `gorm:"size:32;not null;uniqueIndex:idx_teamunit_round_unit"`
	Unit      *Unit  `gorm:"foreignKey:UnitCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
}

// TeamMember is a person's place on a team (编组记录).
type TeamMember struct {
	ID         uint    `gorm:"primaryKey"`
	TeamID     uint    `gorm:"not null;uniqueIndex:idx_member_team_person"`
	Team       *Team   `gorm:"constraint:OnDelete:CASCADE"`
	PersonCode string  `gorm:"size:32;not null;uniqueIndex:idx_member_team_person;index"`
	Person     *Person `gorm:"foreignKey:PersonCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Role       string  `gorm:"size:16;not null"`
	Evaluation string  `gorm:"size:8"`
	Comment    string  `gorm:"size:256"`
	Locked     bool    `gorm:"not null;default:false"`
	EvalState  string  `gorm:"size:4"` // 鉴定状态: 拟定 or 确定 ("" when there is no grade)
	Stamp              // counted up by every change of the member's place or 鉴定
}

// Override lifts a hard recusal hit for one person on one team (回避豁免):
// a request (待批) that a 领导 approves (已批准) or refuses (已驳回), and an
// approved one that a 领导 may withdraw (已撤销). A person has at most one
// override of a rule and unit on a team that is pending or approved; the
// refused and withdrawn ones stay as the record. The status words are
// vocab's (OverridePending …).
type Override struct {
	ID         uint   `gorm:"primaryKey"`
	TeamID     uint   `gorm:"not null;index:idx_override_team_person"`
	Team       *Team  `gorm:"constraint:OnDelete:CASCADE"`
	PersonCode string `gorm:"size:32;not null;index:idx_override_team_person"`
	Rule       string `gorm:"size:8;not null"`
	UnitCode   string `gorm:"size:32"`
	Reason     string `gorm:"size:512;not null"`
	Approver   string `gorm:"size:64"` // a 领导 user; empty while awaiting approval
	EnteredBy  string `gorm:"size:64;not null"`
	EnteredAt  string `gorm:"size:19;not null"` // 2006-01-02 15:04:05
	ApprovedAt string `gorm:"size:19"`
	// Added by schema version 2 (SPEC §10.3).
	Status         string `gorm:"size:8;not null;default:''"` // 待批, 已批准, 已驳回, 已撤销
	RefusedBy      string `gorm:"size:64"`
	RefusedAt      string `gorm:"size:19"`
	RefuseReason   string `gorm:"size:512"`
	WithdrawnBy    string `gorm:"size:64"`
	WithdrawnAt    string `gorm:"size:19"`
	WithdrawReason string `gorm:"size:512"`
	Stamp                 // counted up by a new reason and by every decision
}

// Setting is one named setting, its value as JSON text.
type Setting struct {
	Key   string `gorm:"primaryKey;size:64"`
	Value string `gorm:"type:text;not null"`
	Stamp
}

// User is a local account.
type User struct {
	Name         string `gorm:"primaryKey;size:64"`
	Role         string `gorm:"size:8;not null"`
	PasswordHash string `gorm:"size:128;not null"`
	FailedLogins int    `gorm:"not null;default:0"`
	LockedUntil  string `gorm:"size:20"`                // StoredTimeLayout, "" when not locked
	ClueRight    bool   `gorm:"not null;default:false"` // 线索管理, granted by a 管理员
	Stamp               // counted up by a 管理员's change (role, 线索管理, password), not by logins
}

// AuditEntry is one entry of the audit log. Entries are hash-chained: Hash
// covers the entry's fields and the previous entry's Hash.
type AuditEntry struct {
	ID       uint   `gorm:"primaryKey"`
	At       string `gorm:"size:20;not null;index"` // StoredTimeLayout (before version 2: 2006-01-02 15:04:05, local)
	User     string `gorm:"size:64;not null;index"`
	Action   string `gorm:"size:32;not null;index"`
	Entity   string `gorm:"size:32"`
	Key      string `gorm:"size:64"`
	Before   string `gorm:"type:text"`
	After    string `gorm:"type:text"`
	PrevHash string `gorm:"size:64"`
	Hash     string `gorm:"size:64;not null"`
}

// Meta records facts about the database file itself, such as its schema version.
type Meta struct {
	Key   string `gorm:"primaryKey;size:32"`
	Value string `gorm:"size:256;not null"`
}

// All lists every entity, in an order that respects foreign keys.
func All() []any {
	return append([]any{
		&Meta{}, &County{}, &Unit{}, &UnitLeader{}, &Person{}, &WorkHistory{}, &Relative{},
		&Declaration{}, &Term{}, &Round{}, &Team{}, &TeamUnit{}, &TeamMember{}, &Override{},
		&Setting{}, &User{}, &AuditEntry{}, &TermScope{},
		&StatusChange{}, &Training{}, &Tie{}, &TeamEvaluation{},
		&PlanItem{},
	}, resultsTables()...)
}
