export { HtmlOptions, renderHtml } from './render-html';
