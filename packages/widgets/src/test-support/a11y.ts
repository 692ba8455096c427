import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';

type AccessibilityNode = { role: string; name: string; checked?: boolean; children?: AccessibilityNode[] };

/** Names of the nodes of `role` that Chromium's accessibility tree exposes: what a screen reader announces. */
export async function accessibleNames(role: string): Promise<string[]> {
  const snapshot = (await a11ySnapshot({})) as AccessibilityNode;
  const names: string[] = [];
  const visit = (node: AccessibilityNode) => {
    if (node.role === role) names.push(node.name);
    node.children?.forEach(visit);
  };
  visit(snapshot);
  return names;
}

/** Whether the accessibility tree holds a node of `role` whose name contains `text`. */
export async function hasAccessibleNode(role: string, text: string): Promise<boolean> {
  const snapshot = await a11ySnapshot({});
  return Boolean(findAccessibilityNode(snapshot, (node) => node.role === role && String(node.name).includes(text)));
}
