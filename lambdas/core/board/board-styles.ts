import { overdueShades, pageColours, statusStyles } from './board-palette.ts';

/** The page's one stylesheet, inline: colours come from the palette, so the contrast test covers what is drawn. */
export const boardStyles = (): string => {
  const c = pageColours;
  const statusRules = Object.entries(statusStyles).map(
    ([name, style]) => `.s-${name}{fill:${style.fill}}.badge.s-${name}{background:${style.fill};color:${style.text}}`,
  );
  const shadeRules = overdueShades.map(
    (shade) =>
      `.s-overdue.o${shade.level}{fill:url(#o${shade.level})}circle.s-overdue.o${shade.level}{fill:${shade.fill}}.badge.s-overdue.o${shade.level}{background:${shade.fill};color:${shade.text}}`,
  );
  return [
    `body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:${c.text};background:${c.background}}`,
    'header,main,footer{max-width:1100px;margin:0 auto;padding:0 16px}',
    'h1{font-size:1.6rem;margin:16px 0 4px}h2{font-size:1.25rem;margin:28px 0 8px}',
    `a{color:${c.link}}.muted{color:${c.muted}}`,
    '.controls{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end;margin:12px 0}.controls label{display:flex;flex-direction:column;font-size:.9rem}',
    'select,input,button{font:inherit;padding:2px 6px}',
    `.map{display:block;width:100%;height:auto}.sea{fill:${c.ocean}}.other-land,.outside{fill:${c.otherLand}}`,
    `.states path,.other-land{stroke:${c.border};stroke-width:.5}.markers circle,.marker{stroke:${c.text};stroke-width:1}`,
    `.states path:hover,.markers circle:hover{stroke:${c.text};stroke-width:1.5}`,
    ...statusRules,
    `.s-submitted-not-public{fill:url(#dots)}circle.s-submitted-not-public{fill:${statusStyles['submitted-not-public'].fill}}`,
    ...shadeRules,
    '.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:.9rem;white-space:nowrap}',
    `.legend,.shades{list-style:none;padding:0;margin:0}.legend>li{margin:6px 0}.shades{margin:4px 0 0 36px;display:flex;flex-wrap:wrap;gap:4px 16px}`,
    `.swatch{width:28px;height:18px;vertical-align:middle;outline:1px solid ${c.muted}}`,
    `table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid ${statusStyles['not-due'].fill};vertical-align:top}.num{text-align:right}`,
    'details{margin:6px 0}summary{cursor:pointer}.state-list{columns:18rem;margin:6px 0}',
    '.overdue-list{columns:17rem;padding-left:2.5em;margin:6px 0}.overdue-list li{break-inside:avoid;margin:2px 0}',
    `.history{margin:8px 0}.history-chart{display:block;width:100%;max-width:720px;height:auto}.history-chart text{font-size:11px;fill:${c.muted}}.history .axis{stroke:${c.muted};stroke-width:1}`,
    `.history .step{fill:none;stroke-width:2}.reported-line{stroke:${statusStyles.submitted.fill}}.overdue-line{stroke:${statusStyles.overdue.fill}}`,
    `.history .key::before{content:"";display:inline-block;width:14px;height:3px;margin-right:4px;vertical-align:middle}.reported-key::before{background:${statusStyles.submitted.fill}}.overdue-key::before{background:${statusStyles.overdue.fill}}`,
    'footer{margin:32px auto 24px}',
  ].join('\n');
};
