-module(zlib_stream).
-export([main/0]).
-compile(nowarn_deprecated_function).

%% zlib streams: deflate/inflate in chunks with every flush mode, the exact
%% shape of the returned iolists, safeInflate and inflateChunk loops, resets,
%% deflateParams, window bits (raw, zlib, gzip, auto-detect) and crc32/1.

main() ->
    Text = iolist_to_binary([io_lib:format("line ~w: the quick brown fox ~w~n", [I, I * I]) || I <- lists:seq(1, 400)]),
    Rand = << <<((I * 7919 + (I bsr 3) * 31) rem 256)>> || I <- lists:seq(1, 40000) >>,
    flushes(Text),
    chunked_deflate(Text),
    chunked_inflate(Text),
    big(Rand),
    safe(Text, Rand),
    chunk_api(Text),
    params(Text),
    resets(Text),
    wbits(Text),
    crcs(Text),
    levels(Text),
    ok.

show(Tag, X) -> io:format("~s: ~w~n", [Tag, X]).

t(F) -> try F() catch C:R -> {C, R} end.

flushes(Text) ->
    Z = zlib:open(),
    ok = zlib:deflateInit(Z),
    A = zlib:deflate(Z, <<"hello ">>),
    B = zlib:deflate(Z, <<"world">>, sync),
    C = zlib:deflate(Z, [<<"again">>, $!, "x"], full),
    D = zlib:deflate(Z, <<>>, none),
    E = zlib:deflate(Z, binary:part(Text, 0, 300), finish),
    show("none", A), show("sync", B), show("full", C), show("empty", D), show("finish", E),
    ok = zlib:deflateEnd(Z),
    All = iolist_to_binary([A, B, C, D, E]),
    ok = zlib:inflateInit(Z),
    Out = zlib:inflate(Z, All),
    show("inflated", iolist_to_binary(Out)),
    ok = zlib:inflateEnd(Z),
    ok = zlib:close(Z).

chunked_deflate(Text) ->
    Z = zlib:open(),
    ok = zlib:deflateInit(Z, best_compression),
    Parts = [binary:part(Text, S, min(1000, byte_size(Text) - S)) || S <- lists:seq(0, byte_size(Text) - 1, 1000)],
    Outs = [zlib:deflate(Z, P) || P <- Parts],
    Last = zlib:deflate(Z, [], finish),
    show("chunk sizes", [iolist_size(O) || O <- Outs] ++ [iolist_size(Last)]),
    ok = zlib:deflateEnd(Z),
    ok = zlib:close(Z),
    C = iolist_to_binary([Outs, Last]),
    show("same as compress", C =:= zlib:compress(Text) orelse {byte_size(C), byte_size(zlib:compress(Text))}),
    show("roundtrip", zlib:uncompress(C) =:= Text).

chunked_inflate(Text) ->
    C = zlib:compress(Text),
    Z = zlib:open(),
    ok = zlib:inflateInit(Z),
    Outs = [zlib:inflate(Z, binary:part(C, S, min(37, byte_size(C) - S))) || S <- lists:seq(0, byte_size(C) - 1, 37)],
    show("inflate shapes", [case O of [] -> empty; _ -> iolist_size(O) end || O <- Outs]),
    show("inflate ok", iolist_to_binary(Outs) =:= Text),
    ok = zlib:inflateEnd(Z),
    ok = zlib:close(Z).

big(Rand) ->
    Big = binary:copy(Rand, 3),
    C = zlib:compress(Big),
    show("big compressed", byte_size(C)),
    Z = zlib:open(),
    ok = zlib:inflateInit(Z),
    O = zlib:inflate(Z, C),
    show("big shape", shape(O)),
    show("big ok", iolist_to_binary(O) =:= Big),
    ok = zlib:inflateEnd(Z),
    ok = zlib:deflateInit(Z, none),
    D = zlib:deflate(Z, Big, finish),
    show("stored shape", shape(D)),
    ok = zlib:deflateEnd(Z),
    ok = zlib:close(Z),
    show("gzip big", byte_size(zlib:gzip(Big))),
    show("zip big", byte_size(zlib:zip([Big, Big]))),
    show("multi-binary input", byte_size(zlib:compress([Rand, binary:part(Rand, 5, 30000), Rand]))).

shape(L) when is_list(L) -> [shape(E) || E <- L];
shape(B) when is_binary(B) -> byte_size(B).

safe(Text, Rand) ->
    Big = binary:copy(<<Text/binary, Rand/binary>>, 2),
    C = zlib:compress(Big),
    Z = zlib:open(),
    ok = zlib:inflateInit(Z),
    R = safe_loop(Z, zlib:safeInflate(Z, C), []),
    show("safe steps", [{K, iolist_size(O)} || {K, O} <- R]),
    show("safe ok", iolist_to_binary([O || {_, O} <- R]) =:= Big),
    ok = zlib:inflateEnd(Z),
    ok = zlib:close(Z).

safe_loop(Z, {continue, O}, Acc) -> safe_loop(Z, zlib:safeInflate(Z, []), [{continue, O} | Acc]);
safe_loop(_Z, {finished, O}, Acc) -> lists:reverse([{finished, O} | Acc]).

chunk_api(Text) ->
    C = zlib:compress(Text),
    Z = zlib:open(),
    show("bufsize", zlib:getBufSize(Z)),
    ok = zlib:setBufSize(Z, 5000),
    show("bufsize2", zlib:getBufSize(Z)),
    ok = zlib:inflateInit(Z),
    R = chunk_loop(Z, zlib:inflateChunk(Z, C), []),
    show("inflateChunk", R),
    show("setBufSize bad", t(fun() -> zlib:setBufSize(Z, 16) end)),
    show("setBufSize bad2", t(fun() -> zlib:setBufSize(Z, foo) end)),
    ok = zlib:inflateEnd(Z),
    ok = zlib:close(Z).

chunk_loop(Z, {more, O}, Acc) -> chunk_loop(Z, zlib:inflateChunk(Z), [{more, shape(O)} | Acc]);
chunk_loop(_Z, O, Acc) -> lists:reverse([shape(O) | Acc]).

params(Text) ->
    Z = zlib:open(),
    ok = zlib:deflateInit(Z, default),
    A = zlib:deflate(Z, binary:part(Text, 0, 5000)),
    ok = zlib:deflateParams(Z, best_speed, huffman_only),
    B = zlib:deflate(Z, binary:part(Text, 5000, 5000)),
    ok = zlib:deflateParams(Z, 9, filtered),
    C = zlib:deflate(Z, binary:part(Text, 10000, byte_size(Text) - 10000), finish),
    show("params", [shape(A), shape(B), shape(C)]),
    All = iolist_to_binary([A, B, C]),
    show("params bytes", erlang:md5(All)),
    show("params ok", zlib:uncompress(All) =:= Text),
    ok = zlib:deflateEnd(Z),
    show("params not init", t(fun() -> zlib:deflateParams(Z, 1, default) end)),
    show("params bad level", t(fun() -> zlib:deflateParams(Z, 11, default) end)),
    show("params bad strat", t(fun() -> zlib:deflateParams(Z, 1, foo) end)),
    ok = zlib:close(Z).

resets(Text) ->
    Z = zlib:open(),
    ok = zlib:deflateInit(Z),
    _ = zlib:deflate(Z, <<"garbage that will be dropped">>),
    ok = zlib:deflateReset(Z),
    A = iolist_to_binary(zlib:deflate(Z, Text, finish)),
    show("after deflateReset", A =:= zlib:compress(Text)),
    ok = zlib:deflateEnd(Z),
    ok = zlib:inflateInit(Z),
    _ = zlib:inflate(Z, binary:part(A, 0, 100)),
    ok = zlib:inflateReset(Z),
    B = iolist_to_binary(zlib:inflate(Z, A)),
    show("after inflateReset", B =:= Text),
    ok = zlib:inflateEnd(Z),
    ok = zlib:close(Z).

wbits(Text) ->
    T = binary:part(Text, 0, 2000),
    [begin
         Z = zlib:open(),
         ok = zlib:deflateInit(Z, default, deflated, W, M, S),
         D = iolist_to_binary(zlib:deflate(Z, T, finish)),
         ok = zlib:deflateEnd(Z),
         ok = zlib:inflateInit(Z, if W > 15 -> 47; W < 0 -> -15; true -> 15 end),
         I = iolist_to_binary(zlib:inflate(Z, D)),
         ok = zlib:inflateEnd(Z),
         ok = zlib:close(Z),
         show(io_lib:format("wbits ~w ~w ~w", [W, M, S]), {byte_size(D), erlang:crc32(D), I =:= T})
     end || {W, M, S} <- [{15, 8, default}, {-15, 8, default}, {31, 8, default}, {9, 1, filtered},
                          {-9, 9, rle}, {12, 5, huffman_only}, {25, 8, default}, {8, 8, default}]],
    show("bad wbits", t(fun() -> zlib:deflateInit(zlib:open(), default, deflated, 7, 8, default) end)),
    show("bad mem", t(fun() -> zlib:deflateInit(zlib:open(), default, deflated, 15, 10, default) end)),
    show("bad method", t(fun() -> zlib:deflateInit(zlib:open(), default, stored, 15, 8, default) end)),
    show("bad level", t(fun() -> zlib:deflateInit(zlib:open(), 10) end)),
    show("-8 raw", t(fun() -> zlib:deflateInit(zlib:open(), default, deflated, -8, 8, default) end)),
    show("inflate -8", t(fun() -> zlib:inflateInit(zlib:open(), -8) end)),
    show("inflate 8", t(fun() -> zlib:inflateInit(zlib:open(), 8) end)),
    show("bad eos", t(fun() -> zlib:inflateInit(zlib:open(), 15, foo) end)).

crcs(Text) ->
    Z = zlib:open(),
    ok = zlib:deflateInit(Z, default, deflated, -15, 8, default),
    D = zlib:deflate(Z, Text, finish),
    show("raw deflate crc", {zlib:crc32(Z), erlang:crc32(Text)}),
    ok = zlib:deflateEnd(Z),
    show("crc none", t(fun() -> zlib:crc32(Z) end)),
    ok = zlib:inflateInit(Z, -15),
    _ = zlib:inflate(Z, D),
    show("raw inflate crc", zlib:crc32(Z)),
    ok = zlib:inflateEnd(Z),
    ok = zlib:deflateInit(Z),
    _ = zlib:deflate(Z, Text, finish),
    show("zlib deflate crc", zlib:crc32(Z)),
    ok = zlib:deflateEnd(Z),
    show("crc32/2", zlib:crc32(Z, Text)),
    show("crc32/3", zlib:crc32(Z, 12345, <<"abc">>)),
    show("adler32/2", zlib:adler32(Z, Text)),
    show("adler32/3", zlib:adler32(Z, 1, [<<"abc">>, "de"])),
    show("crc32_combine", zlib:crc32_combine(Z, 1, 2, 3)),
    show("adler32_combine", zlib:adler32_combine(Z, 1, 2, 3)),
    show("crc32 not ref", t(fun() -> zlib:crc32(foo, <<"a">>) end)),
    ok = zlib:close(Z).

levels(Text) ->
    [begin
         Z = zlib:open(),
         ok = zlib:deflateInit(Z, L),
         D = iolist_to_binary(zlib:deflate(Z, Text, finish)),
         ok = zlib:deflateEnd(Z),
         ok = zlib:close(Z),
         show(io_lib:format("level ~w", [L]), {byte_size(D), erlang:crc32(D)})
     end || L <- [none, best_speed, best_compression, default, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]].
