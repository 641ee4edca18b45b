import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as aws from '../../aws-dependencies.ts';
import { boardQuery } from '../../core/api/route-queries.ts';
import { renderBoardPage } from '../../core/board/board-page.ts';
import { type BoardPageDependencies, boardPage } from '../../core/board/board-page-query.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, okText } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** The page's own form sends an empty field for "all member states": an empty known parameter is read as absent. */
const withoutEmptyFields = (event: APIGatewayProxyEventV2): APIGatewayProxyEventV2 => ({
  ...event,
  queryStringParameters: Object.fromEntries(
    Object.entries(event.queryStringParameters ?? {}).filter(
      ([name, value]) => value !== '' || !(name in boardQuery()),
    ),
  ),
});

/** Public data that changes when a report or figure is recorded: browsers and CDNs may keep it five minutes. */
const CACHE_CONTROL = 'public, max-age=300';

/** GET /board?obligation=&asOf=&group=&sort=&regime= — the status board as an HTML page with a world map. */
export const handlerFor = (deps: BoardPageDependencies) =>
  httpHandler(async (event) => {
    const query = queryParameters(withoutEmptyFields(event), boardQuery());
    const page = await boardPage(query, deps);
    return okText(renderBoardPage(page), 'text/html; charset=utf-8', { 'cache-control': CACHE_CONTROL });
  });

export const handler = lazyHandler(() => handlerFor({ ...aws.standing(), metrics: aws.metrics() }));
