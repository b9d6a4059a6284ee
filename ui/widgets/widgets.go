// Package widgets holds the widgets the screens of 巡察统筹 share:
//
//   - DateEntry, a date entry that reads and writes 2026-03-01;
//   - Picker, a searchable choice of codes with names (app.Option);
//   - Cell, a table cell that answers taps and double taps;
//   - EditList, an editable list of rows with add and remove;
//   - CheckList, a long list of items with a check box and a grey note
//     each, for picking many (counties, units);
//   - FormDialog, a form in a dialog whose action may fail, the reason
//     shown in red while the dialog stays open;
//   - Note, the line under a form or a screen that says how the last
//     action went, in red or green;
//   - PasswordPair, a new password typed twice;
//   - SeverityBadge, the 回避 or 提示 badge of a recusal hit (outlined
//     when lifted by an override), and Tag, the coloured word it draws;
//   - BarChart, horizontal stacked bars: a term's coverage by category or
//     county;
//   - LockIcon and UnlockIcon, the padlocks of a locked place.
package widgets
