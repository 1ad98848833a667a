import { createRoute, z } from "@hono/zod-openapi";
import { defaultPageSize, maxPageSize, pageQuery } from "../../../shared/page.ts";
import {
  endTourUpdateInput,
  milestoneInput,
  milestoneUpdateInput,
  tourInput,
  tourListOutput as tourList,
  tourMoveOutput,
  tourMoveUpdateInput,
  tourOrderUpdateInput,
  tourOutput,
  tourUpdateInput,
} from "../../../shared/tours.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse, signedInRoute } from "../../http/router.ts";
import {
  addMilestone,
  createTour,
  editMilestone,
  editTour,
  endTourEarly,
  getTour,
  listMyToursPage,
  moveTour,
  removeMilestone,
  removeTour,
  reorderTours,
} from "./tours.service.ts";

const id = (name: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, `This ${name} is not valid: it has characters no Sidecar id uses`);
const tourParams = z.object({ id: id("tour id") });
const milestoneParams = z.object({ id: id("tour id"), milestoneId: id("milestone id") });

const tags = ["Tours of duty"];

const listRoute = createRoute({
  operationId: "listTours",
  security: signedInRoute,
  method: "get",
  path: "/api/tours",
  tags,
  summary: `My tours of duty, in my order, with their milestones: a page at a time, ${defaultPageSize} unless limit says otherwise (at most ${maxPageSize}); nextCursor asks for the next`,
  request: { query: pageQuery },
  responses: { ...jsonResponse(tourList, "My tours of duty"), ...errorResponses(400, 401) },
});

const createTourRoute = createRoute({
  operationId: "createTour",
  security: signedInRoute,
  method: "post",
  path: "/api/tours",
  tags,
  summary: "Add a tour of duty (it goes last in the order)",
  request: jsonBody(tourInput),
  responses: { ...jsonResponse(tourOutput, "The saved tour, with warnings"), ...errorResponses(400, 401) },
});

// Declared before /api/tours/{id}, so "order" is never read as a tour id.
const orderRoute = createRoute({
  operationId: "reorderTours",
  security: signedInRoute,
  method: "put",
  path: "/api/tours/order",
  tags,
  summary: "Put my tours in a new order: every tour id exactly once",
  request: jsonBody(tourOrderUpdateInput),
  responses: { ...jsonResponse(tourList, "My tours in the new order"), ...errorResponses(400, 401, 409) },
});

const moveRoute = createRoute({
  operationId: "moveTour",
  security: signedInRoute,
  method: "post",
  path: "/api/tours/{id}/move",
  tags,
  summary:
    "Move one of my tours before or after another, or to a position, without sending the whole order; the version is the order's",
  request: { params: tourParams, ...jsonBody(tourMoveUpdateInput) },
  responses: {
    ...jsonResponse(tourMoveOutput, "The tour's new place and the order's new version"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const getTourRoute = createRoute({
  operationId: "getTour",
  security: signedInRoute,
  method: "get",
  path: "/api/tours/{id}",
  tags,
  summary: "One of my tours of duty",
  request: { params: tourParams },
  responses: { ...jsonResponse(tourOutput, "The tour"), ...errorResponses(400, 401, 404) },
});

const putTourRoute = createRoute({
  operationId: "updateTour",
  security: signedInRoute,
  method: "put",
  path: "/api/tours/{id}",
  tags,
  summary: "Change one of my tours of duty",
  request: { params: tourParams, ...jsonBody(tourUpdateInput) },
  responses: {
    ...jsonResponse(tourOutput, "The saved tour, with warnings"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const deleteTourRoute = createRoute({
  operationId: "deleteTour",
  security: signedInRoute,
  method: "delete",
  path: "/api/tours/{id}",
  tags,
  summary: "Delete one of my tours of duty and its milestones",
  request: { params: tourParams },
  responses: { ...jsonResponse(tourList, "My remaining tours"), ...errorResponses(400, 401, 404) },
});

const endEarlyRoute = createRoute({
  operationId: "endTourEarly",
  security: signedInRoute,
  method: "post",
  path: "/api/tours/{id}/end-early",
  tags,
  summary: "End a tour before its planned end, with the day and the reason",
  request: { params: tourParams, ...jsonBody(endTourUpdateInput) },
  responses: { ...jsonResponse(tourOutput, "The ended tour"), ...errorResponses(400, 401, 404, 409) },
});

const addMilestoneRoute = createRoute({
  operationId: "addMilestone",
  security: signedInRoute,
  method: "post",
  path: "/api/tours/{id}/milestones",
  tags,
  summary: "Add a milestone to one of my tours",
  request: { params: tourParams, ...jsonBody(milestoneInput) },
  responses: {
    ...jsonResponse(tourOutput, "The tour with the new milestone"),
    ...errorResponses(400, 401, 404),
  },
});

const putMilestoneRoute = createRoute({
  operationId: "updateMilestone",
  security: signedInRoute,
  method: "put",
  path: "/api/tours/{id}/milestones/{milestoneId}",
  tags,
  summary: "Change a milestone: title, due date, status and done date",
  request: { params: milestoneParams, ...jsonBody(milestoneUpdateInput) },
  responses: {
    ...jsonResponse(tourOutput, "The tour with the changed milestone"),
    ...errorResponses(400, 401, 404, 409),
  },
});

const deleteMilestoneRoute = createRoute({
  operationId: "deleteMilestone",
  security: signedInRoute,
  method: "delete",
  path: "/api/tours/{id}/milestones/{milestoneId}",
  tags,
  summary: "Delete a milestone",
  request: { params: milestoneParams },
  responses: {
    ...jsonResponse(tourOutput, "The tour without the milestone"),
    ...errorResponses(400, 401, 404),
  },
});

export function toursRoutes() {
  return createRouter()
    .openapi(listRoute, async (c) =>
      c.json(await listMyToursPage(c.var.deps.db, c.var.viewer, c.req.valid("query")), 200),
    )
    .openapi(createTourRoute, async (c) =>
      c.json(await createTour(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(orderRoute, async (c) =>
      c.json(await reorderTours(c.var.deps.db, c.var.viewer, c.req.valid("json")), 200),
    )
    .openapi(getTourRoute, async (c) =>
      c.json(await getTour(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(putTourRoute, async (c) =>
      c.json(await editTour(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(deleteTourRoute, async (c) =>
      c.json(await removeTour(c.var.deps.db, c.var.viewer, c.req.valid("param").id), 200),
    )
    .openapi(moveRoute, async (c) =>
      c.json(await moveTour(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(endEarlyRoute, async (c) =>
      c.json(
        await endTourEarly(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(addMilestoneRoute, async (c) =>
      c.json(
        await addMilestone(c.var.deps.db, c.var.viewer, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(putMilestoneRoute, async (c) => {
      const { id, milestoneId } = c.req.valid("param");
      return c.json(
        await editMilestone(c.var.deps.db, c.var.viewer, id, milestoneId, c.req.valid("json")),
        200,
      );
    })
    .openapi(deleteMilestoneRoute, async (c) => {
      const { id, milestoneId } = c.req.valid("param");
      return c.json(await removeMilestone(c.var.deps.db, c.var.viewer, id, milestoneId), 200);
    });
}
