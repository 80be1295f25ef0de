/** The Excel adapter: the only code that says `Excel.` or `Office.`. Everything it takes and returns is plain data. */
export { whenReady, capabilities, registerCommand, showDialog, closeDialog, type Capabilities, type HostInfo } from './host';
export { readWorkbook, type WorkbookRead } from './read';
export { applyMarks, clearMarks, MARKS_KEY, type MarkOutcome, type SheetRef } from './marks';
export { writeCells, selectCell, sheetNames, type CellChange } from './cells';
export { applyStructure, type StructureOutcome } from './structure';
export { insertReport, addComparisonChart, REPORT_KEY, type ReportSheet, type InsertOutcome, type ComparisonRow } from './report';
export { docSetting, refreshDocSettings, saveDocSettings, userValue, setUserValue } from './settings';
