-module(ets_owner).
-export([main/0]).

%% Ownership: heir on owner death (ETS-TRANSFER with name or tid), deletion
%% of heirless tables, give_away, access rights of public/protected/private
%% tables from other processes, setopts (heir, protection), safe_fixtable
%% and its release when the fixer dies, rename, all/0.
t(F) -> try F() catch C:R -> {C, R} end.
main() ->
    Self = self(),
    %% heir on owner death
    P = spawn(fun() ->
        T = ets:new(h1, [named_table, {heir, Self, my_data}]),
        ets:insert(T, {k, v}),
        T2 = ets:new(h2, [{heir, Self, {more, [1,2]}}]),
        ets:insert(T2, {x}),
        Self ! {tabs, T2},
        receive stop -> ok end end),
    T2 = receive {tabs, X} -> X end,
    io:format("~p~n", [ets:info(h1, owner) =:= P]),
    io:format("~p~n", [ets:info(h1, heir) =:= Self]),
    P ! stop,
    R1 = receive {'ETS-TRANSFER', Tab1, From1, D1} -> {Tab1, From1 =:= P, D1} end,
    R2 = receive {'ETS-TRANSFER', Tab2, From2, D2} -> {Tab2 =:= T2, From2 =:= P, D2} end,
    io:format("~p ~p~n", [R1, R2]),
    io:format("~p ~p~n", [ets:info(h1, owner) =:= Self, ets:lookup(h1, k)]),
    io:format("~p~n", [ets:tab2list(T2)]),
    %% no heir: deleted
    P2 = spawn(fun() -> ets:new(gone, [named_table, public]), Self ! made, receive stop -> ok end end),
    receive made -> ok end,
    io:format("~p~n", [ets:info(gone, size)]),
    Ref = monitor(process, P2), P2 ! stop,
    receive {'DOWN', Ref, _, _, _} -> ok end,
    io:format("~p ~p~n", [ets:info(gone), ets:whereis(gone)]),
    %% give_away
    T3 = ets:new(g, [private]),
    ets:insert(T3, {1, one}),
    Rcv = spawn(fun() ->
        receive {'ETS-TRANSFER', T, F, Data} ->
            Self ! {got, ets:lookup(T, 1), F =:= Self, Data, ets:info(T, owner) =:= self()}
        end,
        receive stop -> ok end end),
    io:format("~p~n", [ets:give_away(T3, Rcv, gift)]),
    receive {got, L, IsSelf, Dt, IsOwner} -> io:format("~p~n", [{L, IsSelf, Dt, IsOwner}]) end,
    io:format("~p~n", [t(fun() -> ets:lookup(T3, 1) end)]),
    io:format("~p~n", [t(fun() -> ets:give_away(T3, self(), x) end)]),
    T4 = ets:new(g4, []),
    io:format("~p~n", [t(fun() -> ets:give_away(T4, self(), x) end)]),
    %% access rights
    Pub = ets:new(pub, [public]), Prot = ets:new(prot, [protected]), Priv = ets:new(priv, [private]),
    [ets:insert(Tb, {a, 1}) || Tb <- [Pub, Prot, Priv]],
    Other = fun(F) -> spawn(fun() -> Self ! {res, t(F)} end), receive {res, RR} -> RR end end,
    io:format("~p~n", [[Other(fun() -> ets:lookup(Tb, a) end) || Tb <- [Pub, Prot, Priv]]]),
    io:format("~p~n", [[Other(fun() -> ets:insert(Tb, {b, 2}) end) || Tb <- [Pub, Prot, Priv]]]),
    io:format("~p~n", [[Other(fun() -> ets:info(Tb, size) end) || Tb <- [Pub, Prot, Priv]]]),
    io:format("~p~n", [[Other(fun() -> ets:delete(Tb) end) || Tb <- [Prot, Priv]]]),
    io:format("~p~n", [ets:setopts(Prot, {protection, public})]),
    io:format("~p~n", [Other(fun() -> ets:insert(Prot, {c, 3}) end)]),
    io:format("~p~n", [ets:setopts(Prot, [{heir, none}, {protection, private}])]),
    io:format("~p~n", [t(fun() -> ets:setopts(Prot, [{heir, none}, {heir, none}]) end)]),
    io:format("~p~n", [Other(fun() -> ets:setopts(Pub, {heir, none}) end)]),
    io:format("~p~n", [ets:info(Prot, protection)]),
    %% fixation
    F = ets:new(f, [public]),
    ets:insert(F, [{I} || I <- lists:seq(1, 10)]),
    io:format("~p~n", [ets:info(F, fixed)]),
    ets:safe_fixtable(F, true),
    {_, [{Pid, 1}]} = ets:info(F, safe_fixed),
    io:format("~p ~p~n", [ets:info(F, fixed), Pid =:= self()]),
    ets:safe_fixtable(F, true),
    {_, [{_, 2}]} = ets:info(F, safe_fixed),
    ets:safe_fixtable(F, false), ets:safe_fixtable(F, false),
    io:format("~p ~p~n", [ets:info(F, fixed), ets:info(F, safe_fixed)]),
    Fixer = spawn(fun() -> ets:safe_fixtable(F, true), Self ! fixed, receive stop -> ok end end),
    receive fixed -> ok end,
    io:format("~p~n", [ets:info(F, fixed)]),
    MR = monitor(process, Fixer), Fixer ! stop, receive {'DOWN', MR, _, _, _} -> ok end,
    io:format("~p~n", [ets:info(F, fixed)]),
    %% rename
    N = ets:new(n1, [named_table]),
    io:format("~p ~p~n", [N, ets:rename(n1, n2)]),
    io:format("~p ~p ~p~n", [ets:info(n2, name), ets:info(n1), t(fun() -> ets:lookup(n1, x) end)]),
    io:format("~p~n", [t(fun() -> ets:rename(n2, h1) end)]),
    io:format("~p~n", [t(fun() -> ets:new(n2, [named_table]) end)]),
    U = ets:new(u, []),
    io:format("~p ~p~n", [ets:rename(U, u2) =:= U, ets:info(U, name)]),
    io:format("~p~n", [lists:member(U, ets:all()) andalso lists:member(n2, ets:all())]),
    ets:delete(U),
    io:format("~p ~p~n", [lists:member(U, ets:all()), ets:info(U)]),
    io:format("~p~n", [t(fun() -> ets:insert(U, {a}) end)]),
    ok.
