package datapkg

import (
	"errors"
	"fmt"
)

// The reasons a package is refused, as the user reads them.
var (
	ErrNotPackage      = errors.New("不是数据包文件，或文件已被截断、损坏")
	ErrNewerFormat     = errors.New("数据包由更新版本的程序生成，请升级程序后再导入")
	ErrNeedPassphrase  = errors.New("数据包已加密，请输入口令")
	ErrBadPassphrase   = errors.New("口令错误，或数据包已被篡改")
	ErrUnexpectedPass  = errors.New("数据包未加密，不需要口令")
	ErrTooLarge        = errors.New("数据包中的文件过大")
	ErrNoCounties      = errors.New("请至少选择一个县区")
	ErrShortPassphrase = fmt.Errorf("口令至少%d个字符（空格不算），太短的口令可被逐个试出", MinPassphrase)
)

// TamperError is a package whose content does not match its manifest.
type TamperError struct {
	File   string
	Reason string
}

func (e *TamperError) Error() string {
	return fmt.Sprintf("数据包已被篡改或损坏（%s：%s），拒绝导入", e.File, e.Reason)
}

// InvalidError is a package whose rows break the rules of the data.
type InvalidError struct {
	Entity, Key, Reason string
}

func (e *InvalidError) Error() string {
	return fmt.Sprintf("数据包内容无效：%s %s：%s", e.Entity, e.Key, e.Reason)
}

func invalid(entity, key, format string, a ...any) error {
	return &InvalidError{entity, key, fmt.Sprintf(format, a...)}
}

// ScopeError is a package holding a row outside the counties it declares:
// forged, or broken.
type ScopeError struct {
	Counties, Entity, Key, Reason string
}

func (e *ScopeError) Error() string {
	return fmt.Sprintf("数据包声明的县区为 %s，但其中的%s %s %s，超出声明的范围；数据包可能被篡改，拒绝导入",
		e.Counties, e.Entity, e.Key, e.Reason)
}

func outOfScope(counties, entity, key, reason string) error {
	return &ScopeError{counties, entity, key, reason}
}
