/** Facebook comment article labels: "Comment by Ana Ruiz 2h", "Reply by …", "Comentario de …", "Respuesta de …". */
const LABEL = /^(?:Comment by|Reply by|Comentario de|Respuesta de)\s+(.+?)\s+((?:hace\s+)?(?:an?|un|una|\d+)\s*\S+(?:\s+ago)?)$/i;

export interface FacebookLabel {
  name: string;
  time: string;
}

export function parseFacebookLabel(label: string | null | undefined): FacebookLabel | null {
  const m = label ? LABEL.exec(label.trim().replace(/\s+/g, ' ')) : null;
  return m?.[1] && m[2] ? { name: m[1], time: m[2] } : null;
}
