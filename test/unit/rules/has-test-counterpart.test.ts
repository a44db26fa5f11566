import { describe, expect, it } from "vitest";
import { hasTestCounterpart, testStems } from "../../../src/rules/has-test-counterpart.js";

describe("hasTestCounterpart", () => {
  it.each([
    { source: "src/billing/invoice.ts", test: "test/billing/invoice.test.ts", expected: true },
    { source: "src/billing/invoice.ts", test: "src/billing/invoice.spec.ts", expected: true },
    { source: "src/billing/invoice.ts", test: "test/billing/invoice.ts", expected: true },
    { source: "src/billing/invoice.ts", test: "src/billing/__tests__/invoice.tsx", expected: true },
    { source: "pkg/billing/invoice.go", test: "pkg/billing/invoice_test.go", expected: true },
    { source: "app/billing/invoice.py", test: "tests/billing/test_invoice.py", expected: true },
    { source: "src/main/java/Invoice.java", test: "src/test/java/InvoiceTest.java", expected: true },
    { source: "src/Invoice.cs", test: "tests/InvoiceTests.cs", expected: true },
    { source: "lib/invoice.rb", test: "spec/invoice_spec.rb", expected: true },
    { source: "src/invoice.service.ts", test: "src/invoice.service.spec.ts", expected: true },
    { source: "src/billing/invoice.ts", test: "test/billing/tax.test.ts", expected: false },
    { source: "src/billing/invoice.ts", test: "test/billing/invoices.test.ts", expected: false },
    { source: "src/late.ts", test: "test/latest.ts", expected: false },
  ])("$source ↔ $test: $expected", ({ source, test, expected }) => {
    expect(hasTestCounterpart(source, [test])).toBe(expected);
  });

  it("is false with no test files", () => {
    expect(hasTestCounterpart("src/a.ts", [])).toBe(false);
  });
});

describe("testStems", () => {
  it.each([
    { path: "test/invoice.test.ts", stems: ["invoice.test", "invoice"] },
    { path: "test_invoice.py", stems: ["test_invoice", "invoice"] },
    { path: "InvoiceTest.java", stems: ["invoicetest", "invoice"] },
    { path: "latest.ts", stems: ["latest"] },
    { path: "test.ts", stems: ["test"] },
  ])("$path → $stems", ({ path, stems }) => {
    expect([...testStems(path)]).toEqual(stems);
  });
});
