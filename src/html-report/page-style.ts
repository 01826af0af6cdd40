/** The page's styles: verdicts as colour and symbol, a matrix that scrolls with its header and node names in view. */
export const PAGE_STYLE = `
:root { --label: 20rem; --cell: 1.45rem; --run: #1b7a33; --run-bg: #dcf3e1; --keep: #8a5a00; --keep-bg: #ffe9b3;
  --none: #a3262a; --none-bg: #f8dcdc; --line: #d8dde3; --muted: #5f6b7a; color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1d2430; background: #fff; }
header, main > section, #findings, #controls { padding: 0 1rem; }
h1 { font-size: 1.35rem; margin: .8rem 0 .2rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
h4 { margin: .6rem 0 .2rem; font-size: .95rem; }
.summary { margin: .2rem 0; color: var(--muted); }
.legend { margin: .3rem 0 .6rem; }
.error { color: var(--none); }
.warning { color: var(--keep); }
.v { display: inline-block; width: 1.3em; text-align: center; border-radius: 3px; font-weight: 600; }
.r { color: var(--run); background: var(--run-bg); }
.k { color: var(--keep); background: var(--keep-bg); }
.n { color: var(--none); background: var(--none-bg); }
.n.s { color: #8d96a3; background: #f1f3f5; }
.r.s { color: #1a5fb4; background: #dbe8fb; }
#controls { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center; padding: .5rem 1rem; border-top: 1px solid var(--line);
  position: sticky; top: 0; background: #f7f9fb; z-index: 5; }
#controls[hidden] { display: none; }
#search { width: 16rem; }
#ds-filter { position: relative; }
#ds-filter > summary { cursor: pointer; }
#ds-filter .panel { position: absolute; z-index: 6; background: #fff; border: 1px solid var(--line); padding: .3rem .6rem;
  min-width: 24rem; box-shadow: 0 4px 14px rgba(0,0,0,.12); }
#ds-filter .ds-list { max-height: 55vh; overflow: auto; margin-top: .3rem; }
.ds-list label { display: block; white-space: nowrap; }
.ds-list label[hidden] { display: none; }
#status { color: var(--muted); }
.matrix { overflow: auto; max-height: 78vh; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); position: relative; }
.row { display: grid; grid-template-columns: var(--label); grid-template-rows: auto; grid-auto-flow: column;
  grid-auto-columns: var(--cell); align-items: stretch; width: max-content; min-width: 100%; }
.row > .l { position: sticky; left: 0; z-index: 2; background: #fff; padding: 0 .5rem; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; border-right: 1px solid var(--line); }
.row > i { font-style: normal; text-align: center; border-right: 1px solid #fff; border-bottom: 1px solid #fff; cursor: pointer;
  line-height: 1.45rem; font-size: .9rem; }
.hdr { position: sticky; top: 0; z-index: 4; background: #fff; border-bottom: 1px solid var(--line); }
.hdr > .l { display: flex; align-items: flex-end; color: var(--muted); padding-bottom: .3rem; }
.hdr > a { writing-mode: vertical-rl; transform: rotate(180deg); height: 10rem; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; padding: .3rem 0; color: #1d2430; text-decoration: none; font-size: .8rem; line-height: var(--cell);
  border-left: 1px solid #f0f2f4; }
.hdr > a:hover { background: #eef3f8; }
.hdr > a.s { color: #1a5fb4; font-style: italic; }
details.g { content-visibility: auto; contain-intrinsic-size: auto 1.5rem; }
details.g > summary { list-style: none; cursor: pointer; }
details.g > summary::-webkit-details-marker { display: none; }
details.g > summary > .l::before { content: "\\25B8"; display: inline-block; width: 1em; color: var(--muted); }
details.g[open] > summary > .l::before { content: "\\25BE"; }
details.g > summary:hover > .l, .row.node:hover > .l { background: #eef3f8; }
details.g[open] > summary > .l { font-weight: 600; }
.row .n1 { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85rem; }
.names { position: sticky; left: 0; width: min(60rem, 95vw); max-height: 16rem; overflow: auto; margin: 0; padding: .3rem .5rem .3rem 2.5rem;
  columns: 16rem; white-space: pre-line; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .8rem; background: #fafbfc; }
.js .names { display: none; }
.row.node > .l { padding-left: 1.7rem; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .8rem; background: #fbfcfd; }
.more-groups { position: sticky; left: 0; padding: .4rem 1rem; color: var(--muted); width: max-content; }
.more-groups:empty { display: none; }
.row .match { color: #1a5fb4; }
.row.more > button { position: sticky; left: 0; margin: .2rem 1.7rem; grid-column: 1 / span 1; }
.row > i.pinned { outline: 2px solid #1d2430; outline-offset: -2px; }
#pop { position: fixed; z-index: 10; max-width: 36rem; max-height: 60vh; overflow: auto; background: #fff; border: 1px solid #b8c2cc;
  border-radius: 6px; box-shadow: 0 6px 20px rgba(0,0,0,.18); padding: .5rem .7rem; font-size: .85rem; }
#pop[hidden] { display: none; }
#pop h3 { font-size: .9rem; margin: 0 0 .3rem; word-break: break-all; }
#pop ul { margin: .2rem 0; padding-left: 1.1rem; }
#pop li { word-break: break-word; }
#pop .count, .count { color: var(--muted); }
#daemonsets details.ds { border-bottom: 1px solid var(--line); padding: .3rem 0; }
#daemonsets details.ds > summary { cursor: pointer; }
#daemonsets .id { font-weight: 600; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
#daemonsets dl { display: grid; grid-template-columns: 9rem 1fr; gap: .1rem .6rem; margin: .4rem 0 .2rem 1rem; }
#daemonsets dt { color: var(--muted); }
#daemonsets dd { margin: 0; }
#daemonsets ul, #findings ul { margin: .2rem 0 .4rem; }
#daemonsets details.ds:target { background: #fffbe6; }
.badge { background: #dbe8fb; color: #1a5fb4; border-radius: 3px; padding: 0 .3rem; font-size: .8rem; }
#findings li { margin: .2rem 0; }
#findings .objects, #findings .nodes-of { color: var(--muted); font-size: .85rem; }
`;
