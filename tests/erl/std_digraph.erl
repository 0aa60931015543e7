-module(std_digraph).
-export([main/0]).

%% digraph and digraph_utils (ets-backed): vertices, edges, paths, topsort, components.

main() ->
    G = digraph:new([acyclic]),
    [digraph:add_vertex(G, V) || V <- [a, b, c, d, e, f]],
    [digraph:add_edge(G, X, Y) || {X, Y} <- [{a, b}, {a, c}, {b, d}, {c, d}, {d, e}]],
    io:format("~p~n", [lists:sort(digraph:vertices(G))]),
    io:format("~p ~p~n", [digraph:no_vertices(G), digraph:no_edges(G)]),
    io:format("~p~n", [lists:sort(digraph:out_neighbours(G, a))]),
    io:format("~p~n", [lists:sort(digraph:in_neighbours(G, d))]),
    io:format("~p ~p~n", [digraph:out_degree(G, a), digraph:in_degree(G, d)]),
    P = digraph:get_path(G, a, e),
    io:format("~p~n", [{hd(P), lists:last(P), length(P)}]),
    io:format("~p~n", [digraph:get_path(G, e, a)]),
    io:format("~p~n", [digraph:add_edge(G, e, a)]),
    T = digraph_utils:topsort(G),
    io:format("~p~n", [{hd(T), lists:last(T), length(T)}]),
    io:format("~p~n", [digraph_utils:is_acyclic(G)]),
    io:format("~p~n", [lists:sort([lists:sort(C) || C <- digraph_utils:components(G)])]),
    io:format("~p~n", [lists:sort(digraph_utils:reachable([b], G))]),
    io:format("~p~n", [lists:sort(digraph_utils:reaching([d], G))]),
    io:format("~p~n", [digraph:del_vertex(G, d)]),
    io:format("~p~n", [digraph:get_path(G, a, e)]),
    C = digraph:new(),
    [digraph:add_vertex(C, V) || V <- [1, 2, 3, 4]],
    [digraph:add_edge(C, X, Y) || {X, Y} <- [{1, 2}, {2, 3}, {3, 1}, {3, 4}]],
    io:format("~p~n", [lists:sort([lists:sort(S) || S <- digraph_utils:strong_components(C)])]),
    io:format("~p~n", [digraph_utils:is_acyclic(C)]),
    io:format("~p~n", [lists:sort(digraph:get_cycle(C, 1))]),
    digraph:delete(G), digraph:delete(C),
    ok.
