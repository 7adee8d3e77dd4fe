import { asc } from 'drizzle-orm';
import { agentMatchesSearch, decodeCursor, encodeCursor, resolveLimit, templateMatchesSearch } from 'reachout/core';
import type { ReachoutBackend } from '../backend';
import { type BackendContext, perform } from './backendContext';
import { agentOf, senderOf } from './rows';
import { agents, senders } from './schema';

/** What a send is made with in the database backend: the senders, their templates and the agents. */
export function createCatalogMethods(context: BackendContext) {
  const { database, requireSender, loadTemplates } = context;

  return {
    listSenders: (_params, callContext) =>
      perform(callContext, async () => {
        const listed = (await database.select().from(senders).orderBy(asc(senders.position))).map(senderOf);
        const connectedSenderId = context.gateway().senderId;
        return connectedSenderId === undefined ? listed : listed.filter((sender) => sender.id === connectedSenderId);
      }),
    listTemplates: (params, callContext) =>
      perform(callContext, async () => {
        const limit = resolveLimit(params.limit);
        let start = 0;
        if (params.cursor !== undefined && params.cursor !== null) {
          [start] = decodeCursor('templates', params.cursor, ['number']);
        }
        await requireSender(database, params.senderId);
        const matching = (await loadTemplates(callContext?.signal))
          .map((template, index) => ({ template, index }))
          .filter(({ template }) => templateMatchesSearch(template, params.search))
          .filter(({ index }) => index >= start);
        const items = matching.slice(0, limit);
        const next = matching[limit];
        return {
          items: items.map(({ template }) => template),
          nextCursor: next ? encodeCursor('templates', [next.index]) : null,
        };
      }),
    listAgents: (params, callContext) =>
      perform(callContext, async () => {
        const rows = await database.select().from(agents).orderBy(asc(agents.position));
        return rows.map(agentOf).filter((agent) => agentMatchesSearch(agent, params.search));
      }),
  } satisfies Pick<ReachoutBackend['provider'], 'listSenders' | 'listTemplates' | 'listAgents'>;
}
